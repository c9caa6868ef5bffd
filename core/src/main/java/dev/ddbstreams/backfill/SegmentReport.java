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

import org.jspecify.annotations.Nullable;

/**
 * What a run did with one segment.
 *
 * @param segment the segment
 * @param status where it stands
 * @param items items of the segment the router has finished, in this run and earlier ones
 * @param itemsThisRun items the router finished in this run
 * @param attempts how many attempts this run made, 0 if the segment was done before or not started
 * @param failure the last attempt's failure, for a {@link SegmentStatus#FAILED} segment, else
 *     {@code null}
 */
public record SegmentReport(
    int segment,
    SegmentStatus status,
    long items,
    long itemsThisRun,
    int attempts,
    @Nullable Throwable failure) {

  /**
   * Describes the segment by numbers and the failure's type only: a handler's message may quote an
   * item.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "segment "
        + segment
        + ": "
        + status
        + ", "
        + items
        + " items ("
        + itemsThisRun
        + " in this run), "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + (failure == null ? "" : ", failure=" + failure.getClass().getName());
  }
}
