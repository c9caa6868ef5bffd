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
package dev.ddbstreams.testkit;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The JUnit 5 extension behind {@link DynamoDbEmulatorTest}: resolves {@link DynamoDbEmulator},
 * {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code DynamoDbEnhancedClient} and {@code
 * DynamoDbStreamsClient} parameters to the JVM's {@linkplain DynamoDbEmulator#shared() shared
 * emulator} and its clients, started on first use. Tests keep apart by creating their own tables
 * ({@link StreamTable#uniqueName(String)}).
 */
public final class DynamoDbEmulatorExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbEmulator.class
        || type == DynamoDbClient.class
        || type == DynamoDbAsyncClient.class
        || type == DynamoDbEnhancedClient.class
        || type == DynamoDbStreamsClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    DynamoDbEmulator emulator = DynamoDbEmulator.shared();
    if (type == DynamoDbClient.class) {
      return emulator.client();
    }
    if (type == DynamoDbAsyncClient.class) {
      return emulator.asyncClient();
    }
    if (type == DynamoDbEnhancedClient.class) {
      return emulator.enhancedClient();
    }
    if (type == DynamoDbStreamsClient.class) {
      return emulator.streamsClient();
    }
    return emulator;
  }
}
