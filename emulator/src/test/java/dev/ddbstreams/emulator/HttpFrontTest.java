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
package dev.ddbstreams.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class HttpFrontTest {

  @Test
  void answersAnOperationItDoesNotKnowWithTheServicesErrorShape() {
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
      assertThatThrownBy(() -> emulator.client().listBackups())
          .isInstanceOfSatisfying(
              DynamoDbException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
              });
    }
  }

  @Test
  void dropsTheConnectionOfAFaultedRequest() {
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start();
        DynamoDbClient client =
            emulator
                .clientBuilder()
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
      emulator.faults().add(Fault.droppedConnection().onOperations("ListBackups").times(1));
      assertThatThrownBy(client::listBackups).isInstanceOf(SdkClientException.class);
      assertThat(emulator.faults().firedCount(Fault.Kind.DROPPED_CONNECTION)).isEqualTo(1);
      // The fault fired once; the next request reaches the (unknown) operation.
      assertThatThrownBy(client::listBackups).isInstanceOf(DynamoDbException.class);
    }
  }

  @Test
  void turnsNagleOffForTheJdkServerUnlessTheUserChoseOtherwise() {
    // Without TCP_NODELAY each request on a kept-alive connection waits ~40 ms for a delayed ACK
    // (measured: 2,000 put+get pairs at ~25 requests/s instead of ~2,200). The JDK reads the
    // setting once, when its first server starts, so the emulator sets it before that.
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
      emulator.client().listTables();
      assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
  }
}
