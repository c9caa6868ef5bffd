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
package dev.ddbstreams.kcl;

/**
 * Where a consumer starts reading a shard that has no checkpoint yet. Shards with a checkpoint in
 * the lease table always resume from it.
 */
public enum InitialPosition {
  /** The oldest record still in the stream (up to 24 hours back). Nothing is missed. */
  TRIM_HORIZON,
  /** Only records written after the consumer first took the shard's lease. */
  LATEST
}
