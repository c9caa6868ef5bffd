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
package dev.ddbstreams.backfill;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How far one segment of a backfill has come: the scan's {@code LastEvaluatedKey} after the last
 * page the router finished, and whether the segment is done. A backfill saves one after every page,
 * and resumes a segment from the key it finds.
 *
 * @param segment the segment, 0 to {@code totalSegments - 1}
 * @param totalSegments how many segments the table's scan is split into
 * @param lastEvaluatedKey where the scan resumes: the key after which it reads on; empty to start
 *     at the beginning, or when the segment is done
 * @param items how many items of the segment the router has finished so far
 * @param done whether the whole segment was read and finished
 */
public record SegmentCheckpoint(
    int segment,
    int totalSegments,
    Map<String, AttributeValue> lastEvaluatedKey,
    long items,
    boolean done) {

  /**
   * Creates the value, copying the key so it stays immutable.
   *
   * @param segment the segment, 0 to {@code totalSegments - 1}
   * @param totalSegments how many segments the table's scan is split into
   * @param lastEvaluatedKey where the scan resumes, empty at the start or when done
   * @param items how many items of the segment the router has finished so far
   * @param done whether the whole segment was read and finished
   */
  public SegmentCheckpoint {
    if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException(
          "segment " + segment + " is not one of " + totalSegments + " segments");
    }
    if (items < 0) {
      throw new IllegalArgumentException("items must not be negative");
    }
    lastEvaluatedKey = Map.copyOf(lastEvaluatedKey);
  }

  /**
   * Returns the checkpoint of a segment that has not started.
   *
   * @param segment the segment
   * @param totalSegments how many segments there are
   * @return the checkpoint at the segment's beginning
   */
  public static SegmentCheckpoint start(int segment, int totalSegments) {
    return new SegmentCheckpoint(segment, totalSegments, Map.of(), 0, false);
  }

  /**
   * Returns the key the scan resumes after, if the segment has started and is not done.
   *
   * @return the exclusive start key or empty
   */
  public Optional<Map<String, AttributeValue>> exclusiveStartKey() {
    return lastEvaluatedKey.isEmpty() ? Optional.empty() : Optional.of(lastEvaluatedKey);
  }

  /**
   * Describes the checkpoint without key values, which may hold personal data.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "SegmentCheckpoint{segment "
        + segment
        + " of "
        + totalSegments
        + ", items="
        + items
        + (done ? ", done" : lastEvaluatedKey.isEmpty() ? ", at start" : ", in progress")
        + '}';
  }
}
