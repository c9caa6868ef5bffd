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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that handles INSERT records.
 *
 * <p>The method takes a {@code StreamRecord<T>} or the new image {@code T} itself, and optionally
 * an {@code ImageDiff} and a {@code StreamContext}, in any order:
 *
 * <pre>{@code
 * @OnInsert(sk = "PET#")
 * void welcome(Pet pet) { notifier.send(pet.userId(), "Welcome " + pet.name()); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnInsert {
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
   * Whether the handler also takes snapshot records, the existing items a backfill feeds through
   * the router as INSERTs: {@link SnapshotMatch#EXCLUDE} (default) leaves them out, so a handler
   * written for new items never fires for every item that already exists.
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
