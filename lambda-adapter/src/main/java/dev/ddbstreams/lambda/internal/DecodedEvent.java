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
package dev.ddbstreams.lambda.internal;

import dev.ddbstreams.internal.record.LazyBatch;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The records of one Lambda event, as SDK v2 records, and the stream they come from. The records of
 * a {@link LazyBatch} are kept as they are, their images undecoded.
 *
 * @param records the records, in event order
 * @param streamArn the {@code eventSourceARN} the records share, or {@code null} if none had one
 */
public record DecodedEvent(List<Record> records, @Nullable String streamArn) {

  /**
   * Creates the value.
   *
   * @param records the records, in event order
   * @param streamArn the shared stream ARN, or {@code null}
   */
  public DecodedEvent {
    // Copying a lazy batch would decode every image; it is immutable already.
    records = records instanceof LazyBatch ? records : List.copyOf(records);
  }

  /** Counts the records instead of printing them: their images may hold personal data. */
  @Override
  public String toString() {
    return "DecodedEvent{records=" + records.size() + ", streamArn=" + streamArn + '}';
  }
}
