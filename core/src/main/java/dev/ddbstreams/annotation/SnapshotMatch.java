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
package dev.ddbstreams.annotation;

/**
 * Whether a handler of INSERT records also takes snapshot records: a table's existing items that a
 * backfill feeds through the router ({@code StreamRecord.isSnapshot()}).
 */
public enum SnapshotMatch {
  /**
   * Stream records only; snapshots pass the handler by. The default, so that a handler written for
   * new items (a welcome message, a first-order coupon) is never called for every item that already
   * exists when a backfill runs.
   */
  EXCLUDE,
  /**
   * Stream INSERT records and snapshots alike: for handlers that build a view of the table (a
   * search index, a replica, a leaderboard) and must see the items written before the stream's
   * 24-hour window.
   */
  INCLUDE,
  /** Snapshots only: for work that only a backfill does. */
  ONLY
}
