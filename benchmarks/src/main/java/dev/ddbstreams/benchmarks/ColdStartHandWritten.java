/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the hand-written function: what the Lambda Java runtime does for a {@code
 * RequestHandler<DynamodbEvent, StreamsEventResponse>} (its event serializer in, its response
 * serializer out) around {@link HandWrittenHandler}. Run by {@code benchmarks/cold-start.sh}.
 */
public final class ColdStartHandWritten {
  private ColdStartHandWritten() {}

  /**
   * Runs once.
   *
   * @param args the event JSON file
   * @throws IOException if the event cannot be read
   */
  public static void main(String[] args) throws IOException {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    ClassLoader loader = ColdStartHandWritten.class.getClassLoader();
    HandWrittenHandler function = new HandWrittenHandler(new PetWork());
    DynamodbEvent decoded =
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, loader)
            .fromJson(new ByteArrayInputStream(event));
    StreamsEventResponse response = function.handleRequest(decoded, null);
    LambdaEventSerializers.serializerFor(StreamsEventResponse.class, loader)
        .toJson(response, System.out);
    System.out.flush();
    ColdStartClock.responseWritten("handWritten");
  }
}
