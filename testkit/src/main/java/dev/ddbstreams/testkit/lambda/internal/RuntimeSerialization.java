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
package dev.ddbstreams.testkit.lambda.internal;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Java runtime's serializers, kept in one class so that the optional dependency is
 * loaded only when a {@link RequestHandler} is used.
 */
final class RuntimeSerialization {
  private RuntimeSerialization() {}

  static LocalFunction wrap(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
    PojoSerializer<DynamodbEvent> events =
        LambdaEventSerializers.serializerFor(
            DynamodbEvent.class, RuntimeSerialization.class.getClassLoader());
    // A return type that is not an event class is written with the runtime's Jackson factory.
    PojoSerializer<StreamsEventResponse> responses =
        JacksonFactory.getInstance().getSerializer(StreamsEventResponse.class);
    return (event, context) -> {
      StreamsEventResponse response =
          handler.handleRequest(events.fromJson(new ByteArrayInputStream(event)), context);
      if (response == null) {
        return "null".getBytes(StandardCharsets.UTF_8);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      responses.toJson(response, out);
      return out.toByteArray();
    };
  }
}
