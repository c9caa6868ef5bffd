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

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.StreamReader;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@link Mode#DIRECT}: reads the stream with the testkit's {@link StreamReader} and hands the
 * router batches of a fixed size, in stream order, each once (no retries: a failed record is
 * counted and the demo's checks fail).
 */
final class DirectBatches implements DemoConsumer {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final StreamRouter router;
  private final int batchSize;
  private final StreamReader reader;
  private long failures;
  private int batches;
  private int records;
  private int redelivered;

  DirectBatches(DynamoDbStreamsClient streams, String streamArn, StreamRouter router, int size) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.router = router;
    this.batchSize = size;
    this.reader = StreamReader.of(streams, streamArn);
  }

  @Override
  public void deliverNew() {
    records += deliver(reader.readNew());
  }

  @Override
  public void redeliverAll() {
    redelivered += deliver(StreamReader.of(streams, streamArn).readAll());
  }

  private int deliver(List<Record> pending) {
    for (int from = 0; from < pending.size(); from += batchSize) {
      BatchResult result =
          router.process(pending.subList(from, Math.min(pending.size(), from + batchSize)));
      failures += result.count(RecordStatus.FAILED);
      batches++;
    }
    return pending.size();
  }

  @Override
  public long failures() {
    return failures;
  }

  @Override
  public String summary() {
    return String.format(
        "Direct batches: %d records, then %d redelivered, in %d batches of up to %d",
        records, redelivered, batches, batchSize);
  }

  @Override
  public void close() {}
}
