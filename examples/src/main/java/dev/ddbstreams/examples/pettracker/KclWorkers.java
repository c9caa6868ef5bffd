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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.kcl.KclStreamConsumer;
import dev.ddbstreams.testkit.StreamReader;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * {@link Mode#KCL}, the default: the router behind a {@link KclStreamConsumer}, the way a fleet of
 * workers runs it ({@link PetTrackerKclWorker}), here one worker on the emulator with the testkit's
 * fast-start settings. KCL reads in the background; "caught up" means every lease's checkpoint has
 * reached the newest record of the stream. A redelivery is a second application (its own lease
 * table) reading the stream from the start.
 */
final class KclWorkers implements DemoConsumer {
  private static final Duration CATCH_UP = Duration.ofSeconds(90);

  private final DynamoDbEmulator local;
  private final LocalKcl kcl;
  private final String streamArn;
  private final StreamRouter router;
  private final String application = StreamTable.uniqueName("pettracker");
  private final StreamReader newest;
  private final KclStreamConsumer consumer;
  private final long startedNanos = System.nanoTime();
  private BigInteger newestSequence = BigInteger.ZERO;
  private long records;
  private long timeouts;

  KclWorkers(DynamoDbEmulator local, String streamArn, StreamRouter router) {
    this.local = local;
    this.kcl = LocalKcl.of(local);
    this.streamArn = streamArn;
    this.router = router;
    this.newest = StreamReader.of(local.streamsClient(), streamArn);
    this.consumer = start(application);
  }

  private KclStreamConsumer start(String app) {
    kcl.prepareLeaseTable(app, streamArn);
    KclStreamConsumer c =
        KclStreamConsumer.builder()
            .streamArn(streamArn)
            .applicationName(app)
            .dynamoDbClient(kcl.leaseClient())
            .streamsClient(kcl.streamsClient())
            .router(router)
            .retryBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .configCustomizer(
                k -> LocalKcl.fastStart(k.leaseManagement(), k.coordinator(), k.polling()))
            .build();
    c.start();
    return c;
  }

  @Override
  public void deliverNew() {
    awaitCaughtUp(application);
  }

  @Override
  public void redeliverAll() {
    String replay = application + "-replay";
    KclStreamConsumer again = start(replay);
    try {
      awaitCaughtUp(replay);
    } finally {
      again.close();
    }
  }

  /** Waits until every lease of the application has checkpointed the newest record. */
  private void awaitCaughtUp(String app) {
    long deadline = System.nanoTime() + CATCH_UP.toNanos();
    while (System.nanoTime() < deadline) {
      List<Record> read = newest.readNew();
      records += read.size();
      for (Record r : read) {
        newestSequence = newestSequence.max(new BigInteger(r.dynamodb().sequenceNumber()));
      }
      if (read.isEmpty() && checkpointedUpTo(app, newestSequence)) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    timeouts++;
  }

  private boolean checkpointedUpTo(String app, BigInteger sequence) {
    List<Map<String, AttributeValue>> leases =
        local.client().scan(b -> b.tableName(app).consistentRead(true)).items();
    if (leases.isEmpty()) {
      return false;
    }
    for (Map<String, AttributeValue> lease : leases) {
      AttributeValue checkpoint = lease.get("checkpoint");
      String at = checkpoint == null ? "" : checkpoint.s();
      if (at.equals("SHARD_END")) {
        continue;
      }
      if (!at.chars().allMatch(Character::isDigit) || at.isEmpty()) {
        return false;
      }
      if (new BigInteger(at).compareTo(sequence) < 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long failures() {
    return timeouts;
  }

  @Override
  public String summary() {
    return String.format(
        "KCL: one worker of application %s read %d records; a second application replayed the"
            + " stream from the start; %.1f s from the first worker's start to this report",
        application, records, (System.nanoTime() - startedNanos) / 1e9);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
