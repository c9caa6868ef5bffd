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

/** Where one segment of a backfill stands at the end of a run. */
public enum SegmentStatus {
  /**
   * Every item of the segment was read and the router finished it, in this run or an earlier one.
   */
  DONE,
  /**
   * The run was stopped while the segment was under way; a later run resumes it at its checkpoint.
   */
  STOPPED,
  /**
   * The segment failed every attempt; a later run resumes it at its checkpoint, after the last page
   * the router finished.
   */
  FAILED,
  /** The run was stopped before the segment began. */
  NOT_STARTED;

  /**
   * Returns whether a later run still has work in this segment.
   *
   * @return {@code true} for every status but {@link #DONE}
   */
  public boolean needsAnotherRun() {
    return this != DONE;
  }
}
