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
package dev.ddbstreams.internal.diff;

import dev.ddbstreams.AttributeChange;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One difference found by {@link DiffWalker}, before it is shown to users as an {@code
 * AttributeChange}.
 *
 * @param path where the values differ
 * @param kind whether the value was added, removed or changed
 * @param oldValue the value in the old image, {@code null} when added
 * @param newValue the value in the new image, {@code null} when removed
 */
public record DiffEntry(
    AttributePath path,
    AttributeChange.Kind kind,
    @Nullable AttributeValue oldValue,
    @Nullable AttributeValue newValue) {

  /** Never shows values: images may hold personal data. */
  @Override
  public String toString() {
    return kind + " " + path;
  }
}
