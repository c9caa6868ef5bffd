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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Start-up of the embedded DynamoDB emulator in a fresh JVM, for {@code
 * benchmarks/emulator-start.sh}: prints the milliseconds {@link DynamoDbEmulator#start()} took and
 * the milliseconds until a first request through the SDK's sync client was answered (client
 * creation included), counted inside the JVM from just before {@code start()}.
 */
public final class EmulatorStart {
  private EmulatorStart() {}

  /**
   * Starts an emulator, answers one {@code ListTables}, prints the figures and stops.
   *
   * @param args none
   */
  public static void main(String[] args) {
    long begin = System.nanoTime();
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
      long started = System.nanoTime();
      try (DynamoDbClient client = emulator.client()) {
        int tables = client.listTables().tableNames().size();
        long answered = System.nanoTime();
        System.out.printf(
            "emulator-start start_ms=%.1f first_request_ms=%.1f tables=%d%n",
            (started - begin) / 1e6, (answered - begin) / 1e6, tables);
      }
    }
  }
}
