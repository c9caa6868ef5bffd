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

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/** A Lambda function as the local event source mapping calls it: event JSON in, response out. */
@FunctionalInterface
public interface LocalFunction {

  /**
   * Invokes the function.
   *
   * @param event the event JSON
   * @param context the invocation's context
   * @return the response JSON
   * @throws Exception whatever the function throws: a function error
   */
  byte[] invoke(byte[] event, Context context) throws Exception;

  /**
   * Wraps a stream handler: it reads the JSON bytes and writes the response bytes itself.
   *
   * @param handler the handler
   * @return the function
   */
  static LocalFunction of(RequestStreamHandler handler) {
    return (event, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    };
  }

  /**
   * Wraps a handler of runtime event classes: the event is decoded and the response encoded with
   * the Lambda Java runtime's own serializers, which must be on the class path.
   *
   * @param handler the handler
   * @return the function
   * @throws IllegalStateException if {@code aws-lambda-java-serialization} is missing
   */
  static LocalFunction of(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
    try {
      return RuntimeSerialization.wrap(handler);
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException(
          "A RequestHandler needs the Lambda runtime's serializer to decode events like Lambda"
              + " does: add com.amazonaws:aws-lambda-java-serialization to the class path",
          e);
    }
  }
}
