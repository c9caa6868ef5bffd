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
package dev.ddbstreams.emulator.conformance;

import static dev.ddbstreams.emulator.conformance.Conformance.createTable;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class TimeToLiveIT {

  @Test
  @DisplayName("The TTL sweep deletes items whose TTL Number lies before now, and only those")
  void sweepDeletesExpiredItems() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T00:00:00Z"));
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().clock(clock).ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbClient ddb = emulator.client();
      createTable(ddb, "Sessions", "pk", null);
      ddb.updateTimeToLive(
          b ->
              b.tableName("Sessions")
                  .timeToLiveSpecification(s -> s.enabled(true).attributeName("expiresAt")));
      long now = clock.instant().getEpochSecond();
      ddb.putItem(
          b ->
              b.tableName("Sessions")
                  .item(item("pk", "soon", "expiresAt", n(Long.toString(now + 30)))));
      ddb.putItem(
          b ->
              b.tableName("Sessions")
                  .item(item("pk", "later", "expiresAt", n(Long.toString(now + 3600)))));
      ddb.putItem(b -> b.tableName("Sessions").item(item("pk", "text", "expiresAt", "0")));
      ddb.putItem(
          b ->
              b.tableName("Sessions")
                  .item(
                      item(
                          "pk", "ancient", "expiresAt", n(Long.toString(now - 6L * 365 * 86400)))));

      assertThat(emulator.sweepTimeToLive()).isZero();
      clock.advance(Duration.ofMinutes(1));
      assertThat(emulator.sweepTimeToLive()).isEqualTo(1);
      assertThat(ddb.getItem(b -> b.tableName("Sessions").key(item("pk", "soon"))).hasItem())
          .isFalse();
      assertThat(ddb.scan(b -> b.tableName("Sessions")).count()).isEqualTo(3);
    }
  }
}
