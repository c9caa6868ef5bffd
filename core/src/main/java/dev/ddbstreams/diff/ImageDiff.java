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

import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.internal.AttributePath;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The differences between the old and the new image of a stream record, by attribute path.
 *
 * <pre>{@code
 * void weight(StreamRecord<Pet> change, ImageDiff diff) {  // on @OnModify(changed = "weightKg")
 *   if (diff.numberChangedByMoreThan("weightKg", 2)) {   // |new - old| > 2
 *     vet.review(change.newImage().orElseThrow());
 *   }
 *   diff.newString("address.city").ifPresent(city -> ...);
 * }
 * }</pre>
 *
 * <h2>What counts as a difference</h2>
 *
 * Maps recurse, so a changed city is one change at {@code address.city}. Lists compare element by
 * element: {@code tags[2]} changed, and a longer or shorter list adds or removes its last indexes.
 * Everything else compares as a whole and by value, as DynamoDB does: numbers by value ({@code 1.0}
 * equals {@code 1}, {@code 1E+2} equals {@code 100}), string, number and binary sets as sets (order
 * does not matter; a set that differs is one change at the set's path), binaries by content. A
 * value whose type changed (a string that became a number, a map that became a string) is one
 * change at its path, with nothing reported below it.
 *
 * <h2>Paths</h2>
 *
 * A path starts with an attribute name, followed by {@code .name} for a map entry and {@code [i]}
 * for a list element: {@code address.city}, {@code tags[2]}, {@code visits[0].vet}. A name that is
 * empty or contains {@code .}, {@code [}, {@code ]} or a backtick is written between backticks,
 * with every backtick inside it doubled: the attribute {@code a.b} is {@code `a.b`}, the map key
 * {@code x`y} under {@code m} is {@code m.`x``y`}. Any name may be quoted ({@code `weightKg`} is
 * {@code weightKg}). {@link #path(String, String...)} builds such a path from names. A malformed
 * path makes every method that takes one throw {@link IllegalArgumentException} naming the path.
 *
 * <h2>Order, values, threads</h2>
 *
 * {@link #changes()} is sorted by path, segment by segment: names by {@link String#compareTo}, list
 * indexes by number. A diff keeps references to both images, which must not be modified afterwards
 * (the SDK's are unmodifiable); a diff is then immutable and safe to share between threads. {@link
 * #toString()} lists kinds and paths only, never values: images may hold personal data.
 */
public final class ImageDiff {
  private final Map<String, AttributeValue> oldImage;
  private final Map<String, AttributeValue> newImage;
  private final List<AttributeChange> entries;
  private @Nullable List<AttributeChange> changes;

  private ImageDiff(
      Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage,
      List<AttributeChange> entries) {
    this.oldImage = oldImage;
    this.newImage = newImage;
    this.entries = entries;
  }

  /**
   * Compares two images. Either may be empty, for the diff of an insert or a remove.
   *
   * <p>Cheap when the images are equal: nothing is allocated beyond the result, and numbers are
   * parsed only when their text differs.
   *
   * @param oldImage the image before the change
   * @param newImage the image after the change
   * @return the differences
   */
  public static ImageDiff between(
      Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    return new ImageDiff(oldImage, newImage, DiffWalker.diff(oldImage, newImage));
  }

  /**
   * Builds a path from attribute names and map keys, quoting each name when it needs it.
   *
   * <p>{@code path("address", "city")} is {@code address.city}; {@code path("a.b", "c")} is {@code
   * `a.b`.c}. Append {@code "[" + i + "]"} for a list element.
   *
   * @param name the top-level attribute name
   * @param more map keys below it, outermost first
   * @return the path
   */
  public static String path(String name, String... more) {
    StringBuilder sb = new StringBuilder();
    AttributePath.appendName(sb, name);
    for (String key : more) {
      AttributePath.appendName(sb.append('.'), key);
    }
    return sb.toString();
  }

  /**
   * Returns whether two values are equal the way this class compares them: numbers by value, sets
   * as sets, binaries by content, maps and lists element by element.
   *
   * @param a a value
   * @param b another value
   * @return true when equal by value
   */
  public static boolean sameValue(AttributeValue a, AttributeValue b) {
    return ValueEquality.same(a, b);
  }

  /**
   * Returns every difference, sorted by path (see the class description).
   *
   * @return an unmodifiable list, empty when the images are equal by value
   */
  public List<AttributeChange> changes() {
    List<AttributeChange> result = changes;
    if (result == null) {
      result = Collections.unmodifiableList(entries);
      changes = result;
    }
    return result;
  }

  /**
   * Returns the paths that exist only in the new image, in the order of {@link #changes()}.
   *
   * @return an unmodifiable set of paths
   */
  public Set<String> addedPaths() {
    return paths(AttributeChange.Kind.ADDED);
  }

  /**
   * Returns the paths that exist only in the old image, in the order of {@link #changes()}.
   *
   * @return an unmodifiable set of paths
   */
  public Set<String> removedPaths() {
    return paths(AttributeChange.Kind.REMOVED);
  }

  /**
   * Returns the paths whose values differ between the images, in the order of {@link #changes()}.
   *
   * @return an unmodifiable set of paths
   */
  public Set<String> changedPaths() {
    return paths(AttributeChange.Kind.CHANGED);
  }

  private Set<String> paths(AttributeChange.Kind kind) {
    Set<String> paths = new LinkedHashSet<>();
    for (AttributeChange entry : entries) {
      if (entry.kind() == kind) {
        paths.add(entry.attributePath().toString());
      }
    }
    return Collections.unmodifiableSet(paths);
  }

  /**
   * Returns whether the images are equal by value.
   *
   * @return true when there is no change
   */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /**
   * Returns whether the value at {@code path} differs between the two images.
   *
   * <p>True when a change is at the path or below it ({@code changed("address")} when {@code
   * address.city} changed), or when a change above it reaches it ({@code changed("address.city")}
   * when {@code address} was replaced by a string, added or removed) unless the path is absent from
   * both images.
   *
   * @param path an attribute path, such as {@code weightKg} or {@code address.city}
   * @return true when the value at the path differs
   * @throws IllegalArgumentException when the path is malformed
   */
  public boolean changed(String path) {
    AttributePath wanted = AttributePath.parse(path);
    for (AttributeChange entry : entries) {
      if (entry.attributePath().isAtOrUnder(wanted)) {
        return true;
      }
      if (wanted.isAtOrUnder(entry.attributePath())) {
        return wanted.resolveIn(oldImage) != null || wanted.resolveIn(newImage) != null;
      }
    }
    return false;
  }

  /**
   * Returns the value at a path in the old image, whether it changed or not.
   *
   * @param path an attribute path
   * @return the value, empty when the path does not exist in the old image
   * @throws IllegalArgumentException when the path is malformed
   */
  public Optional<AttributeValue> oldValue(String path) {
    return Optional.ofNullable(AttributePath.parse(path).resolveIn(oldImage));
  }

  /**
   * Returns the value at a path in the new image, whether it changed or not.
   *
   * @param path an attribute path
   * @return the value, empty when the path does not exist in the new image
   * @throws IllegalArgumentException when the path is malformed
   */
  public Optional<AttributeValue> newValue(String path) {
    return Optional.ofNullable(AttributePath.parse(path).resolveIn(newImage));
  }

  /**
   * Returns the number at a path in the old image.
   *
   * @param path an attribute path
   * @return the number, empty when the path is absent or holds another type
   * @throws IllegalArgumentException when the path is malformed
   * @throws ImageMappingException when the value's text is not a number
   */
  public Optional<BigDecimal> oldNumber(String path) {
    return Optional.ofNullable(number(path, oldImage));
  }

  /**
   * Returns the number at a path in the new image.
   *
   * @param path an attribute path
   * @return the number, empty when the path is absent or holds another type
   * @throws IllegalArgumentException when the path is malformed
   * @throws ImageMappingException when the value's text is not a number
   */
  public Optional<BigDecimal> newNumber(String path) {
    return Optional.ofNullable(number(path, newImage));
  }

  /**
   * Returns the string at a path in the old image.
   *
   * @param path an attribute path
   * @return the string, empty when the path is absent or holds another type
   * @throws IllegalArgumentException when the path is malformed
   */
  public Optional<String> oldString(String path) {
    return Optional.ofNullable(string(path, oldImage));
  }

  /**
   * Returns the string at a path in the new image.
   *
   * @param path an attribute path
   * @return the string, empty when the path is absent or holds another type
   * @throws IllegalArgumentException when the path is malformed
   */
  public Optional<String> newString(String path) {
    return Optional.ofNullable(string(path, newImage));
  }

  /**
   * Returns how much the number at a path grew: new minus old.
   *
   * <p>{@code diff.numberDelta("stock").filter(d -> d.signum() < 0)} is present when stock fell.
   *
   * @param path an attribute path
   * @return new minus old (zero when unchanged); empty unless both images hold a number there
   * @throws IllegalArgumentException when the path is malformed
   * @throws ImageMappingException when a value's text is not a number
   */
  public Optional<BigDecimal> numberDelta(String path) {
    AttributePath parsed = AttributePath.parse(path);
    BigDecimal before = number(parsed, oldImage);
    BigDecimal after = number(parsed, newImage);
    return before == null || after == null ? Optional.empty() : Optional.of(after.subtract(before));
  }

  /**
   * Returns whether the number at a path moved, up or down, by more than an amount.
   *
   * <p>{@code diff.numberChangedByMoreThan("weightKg", 2)} is true for 10 to 12.5 and for 10 to
   * 7.5, false for 10 to 12, and false when either image lacks a number at the path.
   *
   * @param path an attribute path
   * @param amount how far the number must move, at least zero
   * @return true when both images hold a number there and {@code |new - old| > amount}
   * @throws IllegalArgumentException when the path is malformed or the amount negative
   * @throws ImageMappingException when a value's text is not a number
   */
  public boolean numberChangedByMoreThan(String path, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          "The amount for attribute path '" + path + "' must not be negative");
    }
    return numberDelta(path).map(d -> d.abs().compareTo(amount) > 0).orElse(false);
  }

  /**
   * Returns whether the number at a path moved, up or down, by more than a whole amount.
   *
   * @param path an attribute path
   * @param amount how far the number must move, at least zero
   * @return true when both images hold a number there and {@code |new - old| > amount}
   * @throws IllegalArgumentException when the path is malformed or the amount negative
   * @throws ImageMappingException when a value's text is not a number
   * @see #numberChangedByMoreThan(String, BigDecimal)
   */
  public boolean numberChangedByMoreThan(String path, long amount) {
    return numberChangedByMoreThan(path, BigDecimal.valueOf(amount));
  }

  /**
   * Applies this diff's changes to an image. Applied to this diff's old image, the result equals
   * its new image by value ({@link #sameValue}); map entries keep the order of the input.
   *
   * <p>Useful to replay changes onto a copy, or to check a diff. The input is not modified; maps
   * and lists that no change touches are shared with it.
   *
   * @param image the image to change, usually this diff's old image
   * @return a new unmodifiable image
   * @throws IllegalArgumentException naming the path when a change does not fit the image (its
   *     parent is absent or of another type, or a list index is out of place)
   */
  public Map<String, AttributeValue> applyTo(Map<String, AttributeValue> image) {
    return ImagePatcher.apply(image, entries);
  }

  /**
   * Lists kinds and paths, such as {@code ImageDiff[CHANGED address.city, ADDED tags[2]]}; never
   * values.
   *
   * @return a description without values
   */
  @Override
  public String toString() {
    return "ImageDiff" + entries;
  }

  private static @Nullable BigDecimal number(String path, Map<String, AttributeValue> image) {
    return number(AttributePath.parse(path), image);
  }

  private static @Nullable BigDecimal number(
      AttributePath path, Map<String, AttributeValue> image) {
    AttributeValue value = path.resolveIn(image);
    if (value == null || value.type() != AttributeValue.Type.N) {
      return null;
    }
    BigDecimal number = ValueEquality.parseOrNull(value.n());
    if (number == null) {
      throw new ImageMappingException(
          BigDecimal.class.getName(), path.toString(), "the value is not a number");
    }
    return number;
  }

  private static @Nullable String string(String path, Map<String, AttributeValue> image) {
    AttributeValue value = AttributePath.parse(path).resolveIn(image);
    return value == null || value.type() != AttributeValue.Type.S ? null : value.s();
  }
}
