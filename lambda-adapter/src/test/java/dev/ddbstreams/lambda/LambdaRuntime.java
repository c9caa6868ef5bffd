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
package dev.ddbstreams.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ddbstreams.testkit.lambda.internal.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The Lambda Java runtime's own serializers: events are decoded, and responses encoded, exactly as
 * the runtime does it.
 */
final class LambdaRuntime {
  static final PojoSerializer<DynamodbEvent> EVENTS =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, LambdaRuntime.class.getClassLoader());

  /** The runtime serializes a handler's non-event return value with its Jackson factory. */
  static final PojoSerializer<StreamsEventResponse> RESPONSES =
      JacksonFactory.getInstance().getSerializer(StreamsEventResponse.class);

  private LambdaRuntime() {}

  static byte[] resource(String name) {
    try (InputStream in = LambdaRuntime.class.getResourceAsStream("/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test event " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DynamodbEvent event(byte[] json) {
    return EVENTS.fromJson(new ByteArrayInputStream(json));
  }

  static String json(StreamsEventResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RESPONSES.toJson(response, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static LocalLambdaContext context(String requestId, Duration remaining) {
    return new LocalLambdaContext(requestId, "test-function", remaining, Clock.systemUTC());
  }
}
