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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against the project's DynamoDB emulator ({@code ddbstreams-emulator}):
 * test methods, constructors and lifecycle methods may declare parameters of type {@code
 * DynamoDbEmulator}, {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code
 * DynamoDbEnhancedClient} or {@code DynamoDbStreamsClient}, which receive the JVM's shared emulator
 * and its clients.
 *
 * <pre>{@code
 * @DynamoDbEmulatorTest
 * class PetHandlersTest {
 *   @Test
 *   void welcomesNewPets(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
 *     StreamTable table = StreamTable.builder().create(ddb);
 *     ddb.putItem(...);
 *     StreamTap.of(streams, table.streamArn(), router).drain(1, Duration.ofSeconds(10));
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynamoDbEmulatorExtension.class)
public @interface DynamoDbEmulatorTest {}
