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

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A document path with its {@code #name} placeholders already resolved: a top-level attribute name
 * followed by map keys ({@code .b}) and list indexes ({@code [0]}). Renders as the service renders
 * paths in its messages: {@code [a, b, [0]]}.
 *
 * @param elements the steps, the first always a {@link Field}
 */
record Path(List<Element> elements) {

  Path {
    elements = List.copyOf(elements);
  }

  /** One step of a path. */
  sealed interface Element permits Field, Index {}

  /** A map key (or, first, a top-level attribute name). */
  record Field(String name) implements Element {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A list index. */
  record Index(int index) implements Element {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** How two paths of one expression relate, for the overlap and conflict checks. */
  enum Relation {
    /** They address different parts of an item. */
    DISJOINT,
    /** One is the other or lies inside it. */
    OVERLAP,
    /** They agree up to a step where one indexes a list and the other a map. */
    CONFLICT
  }

  String topName() {
    return ((Field) elements.get(0)).name();
  }

  int depth() {
    return elements.size();
  }

  /**
   * The value at this path, or {@code null} if the item has none (or a step has the wrong type).
   */
  @Nullable AttributeValue resolve(Map<String, AttributeValue> item) {
    AttributeValue current = item.get(topName());
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = step(current, elements.get(i));
    }
    return current;
  }

  /** The child of {@code container} that one step addresses, or {@code null}. */
  static @Nullable AttributeValue step(AttributeValue container, Element element) {
    if (element instanceof Field) {
      if (container.type() != AttributeValue.Type.M) {
        return null;
      }
      return container.m().get(((Field) element).name());
    }
    if (container.type() != AttributeValue.Type.L) {
      return null;
    }
    int index = ((Index) element).index();
    List<AttributeValue> list = container.l();
    return index < list.size() ? list.get(index) : null;
  }

  Relation relation(Path other) {
    int common = Math.min(elements.size(), other.elements.size());
    for (int i = 0; i < common; i++) {
      Element a = elements.get(i);
      Element b = other.elements.get(i);
      if (a.equals(b)) {
        continue;
      }
      return a.getClass() == b.getClass() ? Relation.DISJOINT : Relation.CONFLICT;
    }
    return Relation.OVERLAP;
  }

  /**
   * A total order on paths in which list indexes compare by number and a path comes before the
   * paths inside it. The update applies its writes in this order, so that several writes past the
   * end of one list append in index order, and its removals in the reverse order, so that removing
   * an element never shifts one still to be removed.
   */
  static int compare(Path a, Path b) {
    int common = Math.min(a.elements.size(), b.elements.size());
    for (int i = 0; i < common; i++) {
      Element x = a.elements.get(i);
      Element y = b.elements.get(i);
      int c;
      if (x instanceof Index && y instanceof Index) {
        c = Integer.compare(((Index) x).index(), ((Index) y).index());
      } else if (x instanceof Field && y instanceof Field) {
        c = ((Field) x).name().compareTo(((Field) y).name());
      } else {
        c = x instanceof Field ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.elements.size(), b.elements.size());
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (Element e : elements) {
      joiner.add(e.toString());
    }
    return joiner.toString();
  }
}
