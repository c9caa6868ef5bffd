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

import dev.ddbstreams.EventName;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles records of several event kinds, by default all of them.
 *
 * <p>The method takes a {@code StreamRecord<T>} or an image {@code T} itself (the new image for
 * INSERT and MODIFY, the old image for REMOVE), and optionally an {@code ImageDiff} (for INSERT
 * every attribute is added, for REMOVE every attribute is removed) and a {@code StreamContext}:
 *
 * <pre>{@code
 * @OnChange(sk = "PET#")
 * void sync(StreamRecord<Pet> change) { searchIndex.apply(change); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnChange {
  /**
   * Partition key prefixes: the handler runs only if the partition key (a string or number
   * attribute) starts with one of them. Empty means any partition key.
   *
   * @return the prefixes
   */
  String[] pk() default {};

  /**
   * Sort key prefixes, such as {@code "PET#"}: the handler runs only if the sort key starts with
   * one of them. Empty means any sort key (and tables without one).
   *
   * @return the prefixes
   */
  String[] sk() default {};

  /**
   * A stable ID for this handler, used in idempotency keys, logs and results. Defaults to {@code
   * fully.qualified.Class#method}; set it before renaming a class or method whose idempotency
   * records must stay valid.
   *
   * @return the ID, or empty for the default
   */
  String id() default "";

  /**
   * The event kinds the handler takes.
   *
   * @return the event names; must not be empty
   */
  EventName[] events() default {EventName.INSERT, EventName.MODIFY, EventName.REMOVE};

  /**
   * Attribute paths that must have changed for MODIFY records, as {@link OnModify#changed()};
   * INSERT and REMOVE records are not affected. Empty means every modification.
   *
   * @return the paths
   */
  String[] changed() default {};

  /**
   * Which deletes the handler takes, as {@link OnRemove#ttl()}.
   *
   * @return the TTL match
   */
  TtlMatch ttl() default TtlMatch.INCLUDE;

  /**
   * Whether the handler also takes snapshot records, the existing items a backfill feeds through
   * the router as INSERTs (so {@code events} must include INSERT): {@link SnapshotMatch#EXCLUDE}
   * (default) leaves them out, so a handler written for new items never fires for every item that
   * already exists.
   *
   * @return the snapshot match
   */
  SnapshotMatch snapshots() default SnapshotMatch.EXCLUDE;

  /**
   * A Lambda event filter pattern the record must also match, such as {@code {"dynamodb":
   * {"NewImage": {"species": {"S": ["dog"]}}}}}; see {@code FilterPattern}. Checked at {@code
   * build()}. Empty means no pattern.
   *
   * @return the pattern JSON, or empty
   */
  String filter() default "";
}
