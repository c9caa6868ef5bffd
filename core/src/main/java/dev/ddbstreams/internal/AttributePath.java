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
package dev.ddbstreams.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An immutable path to a value inside an image: an attribute name, then map keys and list indexes.
 * The one path type and the one quoting rule of the library: diffs, {@code changed=} paths and
 * mapping errors all parse and print paths through this class.
 *
 * <p>Stored leaf-first as a chain of parent links so that paths under one parent share it. The text
 * form is rendered on first use and kept, so a path built for a message that is never shown costs
 * no string.
 *
 * <p>Text form: segments joined by {@code .} for names and {@code [i]} for list indexes. A name
 * that is empty or contains {@code .}, {@code [}, {@code ]} or a backtick is written between
 * backticks, with each backtick inside it doubled. {@link #parse} reads exactly what {@link
 * #toString} writes.
 *
 * <p>Lives in {@code internal} rather than in {@code dev.ddbstreams.diff} because the router (which
 * checks {@code changed=} paths at build time) and the image mappers (whose errors name paths) use
 * it too; it is not API.
 */
public final class AttributePath implements Comparable<AttributePath> {
  private final @Nullable AttributePath parent;
  private final @Nullable String name;
  private final int index;
  private final int depth;
  private @Nullable String text;

  private AttributePath(@Nullable AttributePath parent, @Nullable String name, int index) {
    this.parent = parent;
    this.name = name;
    this.index = index;
    this.depth = parent == null ? 1 : parent.depth + 1;
  }

  /**
   * Parses the text form.
   *
   * @param text a path such as {@code address.city}, {@code tags[2]} or {@code `a.b`.c}
   * @return the path
   * @throws IllegalArgumentException naming the path and the position when it is malformed
   */
  public static AttributePath parse(String text) {
    return PathParser.parse(text);
  }

  /**
   * Returns a path to a top-level attribute ({@code parent == null}) or to a map entry.
   *
   * @param parent the map's path, or {@code null} for a top-level attribute
   * @param name the attribute name or map key
   * @return the path
   */
  public static AttributePath name(@Nullable AttributePath parent, String name) {
    return new AttributePath(parent, name, -1);
  }

  /**
   * Returns a path to a list element.
   *
   * @param parent the list's path
   * @param index the element's index, at least 0
   * @return the path
   */
  public static AttributePath index(AttributePath parent, int index) {
    return new AttributePath(parent, null, index);
  }

  /**
   * Returns the name of the top-level attribute the path starts at.
   *
   * @return the first segment's name
   */
  public String topLevelName() {
    AttributePath p = this;
    while (p.parent != null) {
      p = p.parent;
    }
    // The first segment of a path is always a name.
    return Objects.requireNonNull(p.name);
  }

  /** Returns the number of segments, at least 1. */
  public int depth() {
    return depth;
  }

  /** Returns the parent path, {@code null} for a top-level attribute. */
  public @Nullable AttributePath parent() {
    return parent;
  }

  /** Returns the last segment's name, or {@code null} when it is a list index. */
  public @Nullable String lastName() {
    return name;
  }

  /** Returns the last segment's list index, or -1 when it is a name. */
  public int lastIndex() {
    return index;
  }

  /**
   * Returns whether this path equals {@code other} or lies under it.
   *
   * @param other a possible ancestor
   * @return true for equal paths and descendants of {@code other}
   */
  public boolean isAtOrUnder(AttributePath other) {
    AttributePath p = this;
    while (p.depth > other.depth) {
      p = p.parent;
      if (p == null) {
        return false;
      }
    }
    return p.equals(other);
  }

  /**
   * Returns the value this path reaches in an image.
   *
   * @param image a DynamoDB image
   * @return the value, or {@code null} when some segment is absent or of the wrong type
   */
  public @Nullable AttributeValue resolveIn(Map<String, AttributeValue> image) {
    if (parent == null) {
      return name == null ? null : image.get(name);
    }
    AttributeValue container = parent.resolveIn(image);
    if (container == null) {
      return null;
    }
    if (name != null) {
      return container.type() == AttributeValue.Type.M ? container.m().get(name) : null;
    }
    if (container.type() != AttributeValue.Type.L) {
      return null;
    }
    List<AttributeValue> list = container.l();
    return index < list.size() ? list.get(index) : null;
  }

  /** Orders paths segment by segment: indexes numerically, before names; names by compareTo. */
  @Override
  public int compareTo(AttributePath other) {
    if (this == other) {
      return 0;
    }
    if (depth > other.depth) {
      int c = ancestorAt(other.depth).compareTo(other);
      return c != 0 ? c : 1;
    }
    if (depth < other.depth) {
      int c = compareTo(other.ancestorAt(depth));
      return c != 0 ? c : -1;
    }
    if (parent != null && other.parent != null) {
      int c = parent.compareTo(other.parent);
      if (c != 0) {
        return c;
      }
    }
    return compareLastSegment(other);
  }

  private int compareLastSegment(AttributePath other) {
    if (name == null) {
      return other.name == null ? Integer.compare(index, other.index) : -1;
    }
    return other.name == null ? 1 : name.compareTo(other.name);
  }

  private AttributePath ancestorAt(int wantedDepth) {
    AttributePath p = this;
    while (p.depth > wantedDepth) {
      p = p.parent;
      if (p == null) {
        throw new IllegalStateException("depth accounting is broken");
      }
    }
    return p;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AttributePath)) {
      return false;
    }
    AttributePath other = (AttributePath) o;
    if (depth != other.depth || index != other.index) {
      return false;
    }
    if (name == null ? other.name != null : !name.equals(other.name)) {
      return false;
    }
    return parent == null || parent.equals(other.parent);
  }

  @Override
  public int hashCode() {
    int h = parent == null ? 0 : parent.hashCode();
    return 31 * h + (name == null ? index : name.hashCode());
  }

  /** Returns the text form, such as {@code address.city}, {@code tags[2]} or {@code `a.b`}. */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      StringBuilder sb = new StringBuilder();
      appendTo(sb);
      t = sb.toString();
      text = t;
    }
    return t;
  }

  private void appendTo(StringBuilder sb) {
    if (parent != null) {
      parent.appendTo(sb);
    }
    if (name == null) {
      sb.append('[').append(index).append(']');
    } else {
      if (parent != null) {
        sb.append('.');
      }
      appendName(sb, name);
    }
  }

  /**
   * Appends one name in path syntax: bare when that is unambiguous, between backticks otherwise.
   *
   * @param sb where to append
   * @param name an attribute name or map key
   */
  public static void appendName(StringBuilder sb, String name) {
    if (!needsQuotes(name)) {
      sb.append(name);
      return;
    }
    sb.append('`');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '`') {
        sb.append('`');
      }
      sb.append(c);
    }
    sb.append('`');
  }

  static boolean needsQuotes(String name) {
    if (name.isEmpty()) {
      return true;
    }
    for (int i = 0; i < name.length(); i++) {
      if (isSpecial(name.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean isSpecial(char c) {
    return c == '.' || c == '[' || c == ']' || c == '`';
  }

  /**
   * Returns the text of a map key's path under a path given as text, for mappers that track their
   * position as text.
   *
   * @param parent the text of the path so far, empty at the top
   * @param name the attribute name or map key
   * @return the longer path's text
   */
  public static String childText(String parent, String name) {
    StringBuilder sb = new StringBuilder(parent.length() + name.length() + 3).append(parent);
    if (!parent.isEmpty()) {
      sb.append('.');
    }
    appendName(sb, name);
    return sb.toString();
  }

  /**
   * Returns the text of a list element's path under a path given as text.
   *
   * @param parent the text of the list's path
   * @param index the element's index
   * @return the longer path's text
   */
  public static String indexText(String parent, int index) {
    return parent + '[' + index + ']';
  }

  /**
   * Returns one name in path syntax: bare when that is unambiguous, between backticks otherwise.
   *
   * @param name an attribute name or map key
   * @return the name, quoted if it needs quoting
   */
  public static String quote(String name) {
    if (!needsQuotes(name)) {
      return name;
    }
    StringBuilder sb = new StringBuilder(name.length() + 2);
    appendName(sb, name);
    return sb.toString();
  }
}
