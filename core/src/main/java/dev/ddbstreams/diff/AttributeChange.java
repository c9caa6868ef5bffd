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
package dev.ddbstreams.diff;

import dev.ddbstreams.internal.AttributePath;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One difference between two images, at one attribute path: a value added, removed or changed.
 *
 * <p>Paths use the syntax described in {@link ImageDiff}, such as {@code address.city}, {@code
 * tags[2]} or {@code `a.b`}. Instances are immutable and safe to share between threads. {@link
 * #toString()} shows the kind and path only, never values: images may hold personal data.
 */
public final class AttributeChange {
  /** What happened to the value at a path. */
  public enum Kind {
    /** The path exists only in the new image. */
    ADDED,
    /** The path exists only in the old image. */
    REMOVED,
    /** The path exists in both images with different values, or values of different types. */
    CHANGED
  }

  private final AttributePath path;
  private final Kind kind;
  private final @Nullable AttributeValue oldValue;
  private final @Nullable AttributeValue newValue;

  AttributeChange(
      AttributePath path,
      Kind kind,
      @Nullable AttributeValue oldValue,
      @Nullable AttributeValue newValue) {
    this.path = path;
    this.kind = kind;
    this.oldValue = oldValue;
    this.newValue = newValue;
  }

  /** Returns the path as a structure, for the diff's own lookups. */
  AttributePath attributePath() {
    return path;
  }

  /** Returns the new value without wrapping it, for the patcher. */
  @Nullable AttributeValue newValueOrNull() {
    return newValue;
  }

  /**
   * Returns where the values differ.
   *
   * @return a path such as {@code address.city} or {@code tags[2]}
   */
  public String path() {
    return path.toString();
  }

  /**
   * Returns whether the value was added, removed or changed.
   *
   * @return the kind of change
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the value in the old image.
   *
   * @return the old value; empty for {@link Kind#ADDED}
   */
  public Optional<AttributeValue> oldValue() {
    return Optional.ofNullable(oldValue);
  }

  /**
   * Returns the value in the new image.
   *
   * @return the new value; empty for {@link Kind#REMOVED}
   */
  public Optional<AttributeValue> newValue() {
    return Optional.ofNullable(newValue);
  }

  /**
   * Two changes are equal when they have the same path and kind and their values are the same by
   * value (see {@link ImageDiff#sameValue}).
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AttributeChange)) {
      return false;
    }
    AttributeChange other = (AttributeChange) o;
    return kind == other.kind
        && path.equals(other.path)
        && same(oldValue, other.oldValue)
        && same(newValue, other.newValue);
  }

  private static boolean same(@Nullable AttributeValue a, @Nullable AttributeValue b) {
    return a == null ? b == null : b != null && ValueEquality.same(a, b);
  }

  @Override
  public int hashCode() {
    return 31 * path.hashCode() + kind.hashCode();
  }

  /**
   * Returns the kind and path, such as {@code CHANGED address.city}; never the values.
   *
   * @return a description without values
   */
  @Override
  public String toString() {
    return kind + " " + path;
  }
}
