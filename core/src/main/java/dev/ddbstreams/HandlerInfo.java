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
package dev.ddbstreams;

import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.annotation.TtlMatch;
import java.util.List;
import java.util.Set;

/**
 * What one handler of a router matches, as built from its annotation.
 *
 * @param id the stable handler ID
 * @param method the handler method as {@code fully.qualified.Class#method}
 * @param events the event kinds it takes
 * @param pkPrefixes partition key prefixes, empty for any
 * @param skPrefixes sort key prefixes, empty for any
 * @param ttl how it treats TTL deletes
 * @param changed attribute paths of which one must have changed on MODIFY, empty for any
 * @param filter the handler's filter pattern JSON, empty for none
 * @param snapshots whether it takes the snapshot records of a backfill
 */
public record HandlerInfo(
    String id,
    String method,
    Set<EventName> events,
    List<String> pkPrefixes,
    List<String> skPrefixes,
    TtlMatch ttl,
    List<String> changed,
    String filter,
    SnapshotMatch snapshots) {

  /**
   * Creates the value, copying collections so it stays immutable.
   *
   * @param id the stable handler ID
   * @param method the handler method as {@code fully.qualified.Class#method}
   * @param events the event kinds it takes
   * @param pkPrefixes partition key prefixes, empty for any
   * @param skPrefixes sort key prefixes, empty for any
   * @param ttl how it treats TTL deletes
   * @param changed attribute paths of which one must have changed on MODIFY, empty for any
   * @param filter the handler's filter pattern JSON, empty for none
   * @param snapshots whether it takes the snapshot records of a backfill
   */
  public HandlerInfo {
    events = Set.copyOf(events);
    pkPrefixes = List.copyOf(pkPrefixes);
    skPrefixes = List.copyOf(skPrefixes);
    changed = List.copyOf(changed);
  }

  /**
   * Creates the value for a handler that takes no snapshot records.
   *
   * @param id the stable handler ID
   * @param method the handler method as {@code fully.qualified.Class#method}
   * @param events the event kinds it takes
   * @param pkPrefixes partition key prefixes, empty for any
   * @param skPrefixes sort key prefixes, empty for any
   * @param ttl how it treats TTL deletes
   * @param changed attribute paths of which one must have changed on MODIFY, empty for any
   * @param filter the handler's filter pattern JSON, empty for none
   */
  public HandlerInfo(
      String id,
      String method,
      Set<EventName> events,
      List<String> pkPrefixes,
      List<String> skPrefixes,
      TtlMatch ttl,
      List<String> changed,
      String filter) {
    this(id, method, events, pkPrefixes, skPrefixes, ttl, changed, filter, SnapshotMatch.EXCLUDE);
  }

  /**
   * Creates the value for a handler without a filter pattern that takes no snapshot records.
   *
   * @param id the stable handler ID
   * @param method the handler method as {@code fully.qualified.Class#method}
   * @param events the event kinds it takes
   * @param pkPrefixes partition key prefixes, empty for any
   * @param skPrefixes sort key prefixes, empty for any
   * @param ttl how it treats TTL deletes
   * @param changed attribute paths of which one must have changed on MODIFY, empty for any
   */
  public HandlerInfo(
      String id,
      String method,
      Set<EventName> events,
      List<String> pkPrefixes,
      List<String> skPrefixes,
      TtlMatch ttl,
      List<String> changed) {
    this(id, method, events, pkPrefixes, skPrefixes, ttl, changed, "");
  }
}
