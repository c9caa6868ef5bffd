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
package dev.ddbstreams.emulator.internal.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed update expression. Immutable and thread-safe. */
public interface Update {

  /**
   * Applies the update to a copy of the item. Every operand is read from {@code item} as given;
   * list indexes mean positions before the update. Only the maps and lists on written paths are
   * copied; the rest is shared, which is safe because {@link AttributeValue}s are immutable.
   *
   * @param item the item as stored, empty when it does not exist yet (its key attributes are set by
   *     the caller before)
   * @return the new item, a new mutable map the caller owns; the argument is not changed
   * @throws dev.ddbstreams.emulator.internal.protocol.AwsException a {@code ValidationException} as
   *     the service answers it (wrong operand type, missing attribute in an operand, ...)
   */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

  /**
   * The top-level attribute names the update writes or removes (to reject key changes), in the
   * order the expression names them.
   */
  Set<String> topLevelNames();
}
