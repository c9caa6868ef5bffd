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
package dev.ddbstreams.emulator.internal.streams;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * What the table layer needs of the streams: open a stream for a table, close it, and append
 * committed changes in commit order.
 */
public interface ChangeLog {

  /**
   * Opens a new stream for a table (CreateTable or UpdateTable with streams enabled).
   *
   * @param tableName the table
   * @param viewType {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code
   *     NEW_AND_OLD_IMAGES}
   * @param keySchema the table's key schema, for DescribeStream
   * @return the new stream's ARN and label
   * @throws IllegalArgumentException for an unknown view type or a key schema without a HASH key
   */
  StreamInfo enable(String tableName, String viewType, List<KeySchemaElement> keySchema);

  /**
   * Disables a stream (UpdateTable with streams off, or DeleteTable): its shards close, it takes no
   * more records, and what it holds stays readable until retention ends. Disabling a disabled
   * stream does nothing.
   *
   * @throws IllegalArgumentException for an ARN that {@link #enable} never returned
   */
  void disable(String streamArn);

  /**
   * Appends a committed change. Called in commit order; the caller holds the database's write lock,
   * so appends of one database never interleave. A change to a disabled stream is not recorded.
   *
   * @throws IllegalArgumentException for an ARN that {@link #enable} never returned, an event name
   *     other than INSERT, MODIFY or REMOVE, or keys without the table's partition key
   */
  void append(String streamArn, ChangeRecord change);
}
