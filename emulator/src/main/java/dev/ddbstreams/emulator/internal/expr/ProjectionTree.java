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

import dev.ddbstreams.emulator.internal.expr.Path.Element;
import dev.ddbstreams.emulator.internal.expr.Path.Field;
import dev.ddbstreams.emulator.internal.expr.Path.Index;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A projection, built once from its paths into a tree of what to keep: whole values at the leaves,
 * named members of maps and numbered elements of lists above them. Applying it copies the kept
 * parts into the same structure as the item, list elements in index order; a path the item does not
 * have (missing, past a list's end, or through a value of another type) is left out, and so is a
 * map or list of which nothing was kept.
 */
final class ProjectionTree implements Projection {

  /** What to keep of one value. */
  private sealed interface Node permits Whole, Members, Elements {}

  /** The whole value. */
  private record Whole() implements Node {}

  /** Some members of a map, by name. */
  private record Members(Map<String, Node> children) implements Node {}

  /** Some elements of a list, by index in ascending order. */
  private record Elements(TreeMap<Integer, Node> children) implements Node {}

  private final Members root;

  private ProjectionTree(Members root) {
    this.root = root;
  }

  /** The tree of these paths, which must neither overlap nor conflict. */
  static ProjectionTree of(List<Path> paths) {
    Members root = new Members(new LinkedHashMap<>());
    for (Path path : paths) {
      Node node = root;
      List<Element> elements = path.elements();
      for (int i = 0; i < elements.size(); i++) {
        boolean last = i == elements.size() - 1;
        Element e = elements.get(i);
        Element next = last ? null : elements.get(i + 1);
        node = child(node, e, last ? new Whole() : containerFor(next));
      }
    }
    return new ProjectionTree(root);
  }

  private static Node containerFor(@Nullable Element next) {
    return next instanceof Index
        ? new Elements(new TreeMap<>())
        : new Members(new LinkedHashMap<>());
  }

  private static Node child(Node parent, Element e, Node fresh) {
    if (e instanceof Field) {
      return ((Members) parent).children().computeIfAbsent(((Field) e).name(), k -> fresh);
    }
    return ((Elements) parent).children().computeIfAbsent(((Index) e).index(), k -> fresh);
  }

  @Override
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : root.children().entrySet()) {
      AttributeValue v = item.get(e.getKey());
      AttributeValue kept = v == null ? null : keep(v, e.getValue());
      if (kept != null) {
        out.put(e.getKey(), kept);
      }
    }
    return out;
  }

  private static @Nullable AttributeValue keep(AttributeValue v, Node node) {
    if (node instanceof Whole) {
      return v;
    }
    if (node instanceof Members) {
      if (v.type() != AttributeValue.Type.M) {
        return null;
      }
      Map<String, AttributeValue> kept = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : ((Members) node).children().entrySet()) {
        AttributeValue member = v.m().get(e.getKey());
        AttributeValue k = member == null ? null : keep(member, e.getValue());
        if (k != null) {
          kept.put(e.getKey(), k);
        }
      }
      return kept.isEmpty() ? null : AttributeValue.fromM(kept);
    }
    if (v.type() != AttributeValue.Type.L) {
      return null;
    }
    List<AttributeValue> list = v.l();
    List<AttributeValue> kept = new ArrayList<>();
    for (Map.Entry<Integer, Node> e : ((Elements) node).children().entrySet()) {
      if (e.getKey() < list.size()) {
        AttributeValue k = keep(list.get(e.getKey()), e.getValue());
        if (k != null) {
          kept.add(k);
        }
      }
    }
    return kept.isEmpty() ? null : AttributeValue.fromL(kept);
  }
}
