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
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A copy of an item that an update writes into. Only the maps and lists on the paths it writes are
 * copied, when first written through; everything else is shared with the original, which is never
 * changed ({@link AttributeValue}s are immutable).
 *
 * <p>Writing or removing below a parent that is missing, or that is not the map or list the path
 * needs, fails with the service's "document path ... is invalid for update". Removing a missing
 * leaf, or a list index past the end, does nothing.
 */
final class WorkingItem {

  /** A map opened for writing. */
  private record MapNode(Map<String, Object> entries) {}

  /** A list opened for writing. */
  private record ListNode(List<Object> elements) {}

  private final MapNode root;

  WorkingItem(Map<String, AttributeValue> item) {
    root = new MapNode(new LinkedHashMap<>(item));
  }

  /** Sets the value at a path; a list index past the end appends. */
  void set(Path path, AttributeValue value) {
    Object parent = parentOf(path);
    Element last = path.elements().get(path.depth() - 1);
    if (last instanceof Field) {
      map(parent).entries().put(((Field) last).name(), value);
    } else {
      List<Object> list = list(parent).elements();
      int index = ((Index) last).index();
      if (index < list.size()) {
        list.set(index, value);
      } else {
        list.add(value);
      }
    }
  }

  /** Removes the value at a path, shifting later list elements down. */
  void remove(Path path) {
    Object parent = parentOf(path);
    Element last = path.elements().get(path.depth() - 1);
    if (last instanceof Field) {
      map(parent).entries().remove(((Field) last).name());
    } else {
      List<Object> list = list(parent).elements();
      int index = ((Index) last).index();
      if (index < list.size()) {
        list.remove(index);
      }
    }
  }

  /** The item as written, as a new map the caller owns. */
  Map<String, AttributeValue> toItem() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : root.entries().entrySet()) {
      item.put(e.getKey(), freeze(e.getValue()));
    }
    return item;
  }

  private Object parentOf(Path path) {
    Object current = root;
    List<Element> elements = path.elements();
    for (int i = 0; i < elements.size() - 1; i++) {
      current = openChild(current, elements.get(i));
    }
    return current;
  }

  private static Object openChild(Object container, Element element) {
    if (element instanceof Field) {
      Map<String, Object> entries = map(container).entries();
      String name = ((Field) element).name();
      Object opened = open(entries.get(name));
      entries.put(name, opened);
      return opened;
    }
    List<Object> elements = list(container).elements();
    int index = ((Index) element).index();
    if (index >= elements.size()) {
      throw ExpressionErrors.invalidDocumentPath();
    }
    Object opened = open(elements.get(index));
    elements.set(index, opened);
    return opened;
  }

  private static Object open(@Nullable Object child) {
    if (child instanceof AttributeValue) {
      AttributeValue v = (AttributeValue) child;
      if (v.type() == AttributeValue.Type.M) {
        return new MapNode(new LinkedHashMap<>(v.m()));
      }
      if (v.type() == AttributeValue.Type.L) {
        return new ListNode(new ArrayList<>(v.l()));
      }
      throw ExpressionErrors.invalidDocumentPath();
    }
    if (child == null) {
      throw ExpressionErrors.invalidDocumentPath();
    }
    return child;
  }

  private static MapNode map(Object container) {
    if (!(container instanceof MapNode)) {
      throw ExpressionErrors.invalidDocumentPath();
    }
    return (MapNode) container;
  }

  private static ListNode list(Object container) {
    if (!(container instanceof ListNode)) {
      throw ExpressionErrors.invalidDocumentPath();
    }
    return (ListNode) container;
  }

  private static AttributeValue freeze(Object node) {
    if (node instanceof MapNode) {
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((MapNode) node).entries().entrySet()) {
        m.put(e.getKey(), freeze(e.getValue()));
      }
      return AttributeValue.fromM(m);
    }
    if (node instanceof ListNode) {
      List<AttributeValue> l = new ArrayList<>();
      for (Object element : ((ListNode) node).elements()) {
        l.add(freeze(element));
      }
      return AttributeValue.fromL(l);
    }
    return (AttributeValue) node;
  }
}
