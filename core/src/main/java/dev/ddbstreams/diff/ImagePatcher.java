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

import dev.ddbstreams.diff.AttributeChange.Kind;
import dev.ddbstreams.internal.AttributePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies differences to an image and returns the patched copy; the input is never modified.
 *
 * <p>Only the maps and lists on the way to a difference are copied, into mutable {@link MapNode}
 * and {@link ListNode}s; everything else is shared with the input. Removals of list elements run
 * last and from the highest index down, so that they do not shift the indexes of other changes.
 */
final class ImagePatcher {
  private final MapNode root;

  private ImagePatcher(Map<String, AttributeValue> image) {
    this.root = new MapNode(image);
  }

  /**
   * Applies differences, sorted by path as {@link DiffWalker} returns them, to an image.
   *
   * @param image the image to start from
   * @param entries the differences
   * @return a new, unmodifiable image
   * @throws IllegalArgumentException naming the path when a difference does not fit the image
   */
  static Map<String, AttributeValue> apply(
      Map<String, AttributeValue> image, List<AttributeChange> entries) {
    ImagePatcher patcher = new ImagePatcher(image);
    for (AttributeChange entry : entries) {
      if (entry.kind() != Kind.REMOVED) {
        patcher.set(entry);
      }
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      AttributeChange entry = entries.get(i);
      if (entry.kind() == Kind.REMOVED) {
        patcher.remove(entry.attributePath());
      }
    }
    return patcher.root.freeze();
  }

  private void set(AttributeChange entry) {
    AttributePath path = entry.attributePath();
    AttributeValue value = entry.newValueOrNull();
    if (value == null) {
      throw misfit(path, "the change has no new value");
    }
    Object container = containerOf(path);
    String name = path.lastName();
    if (name != null) {
      ((MapNode) container).entries.put(name, value);
      return;
    }
    List<Object> items = ((ListNode) container).items;
    int index = path.lastIndex();
    if (index < items.size() && entry.kind() == Kind.CHANGED) {
      items.set(index, value);
    } else if (index == items.size() && entry.kind() == Kind.ADDED) {
      items.add(value);
    } else {
      throw misfit(path, "the list has " + items.size() + " elements");
    }
  }

  private void remove(AttributePath path) {
    Object container = containerOf(path);
    String name = path.lastName();
    if (name != null) {
      ((MapNode) container).entries.remove(name);
      return;
    }
    List<Object> items = ((ListNode) container).items;
    if (path.lastIndex() >= items.size()) {
      throw misfit(path, "the list has " + items.size() + " elements");
    }
    items.remove(path.lastIndex());
  }

  /** Returns the mutable map (for a name) or list (for an index) that holds the path's value. */
  private Object containerOf(AttributePath path) {
    AttributePath parent = path.parent();
    boolean wantMap = path.lastName() != null;
    Object container = parent == null ? root : child(containerOf(parent), parent);
    if (wantMap ? !(container instanceof MapNode) : !(container instanceof ListNode)) {
      throw misfit(path, "its parent is not a " + (wantMap ? "map" : "list"));
    }
    return container;
  }

  /**
   * Returns the value at {@code path} in {@code container}, made mutable if it is a map or list.
   */
  private static Object child(Object container, AttributePath path) {
    if (container instanceof MapNode) {
      Map<String, Object> entries = ((MapNode) container).entries;
      String name = path.lastName();
      Object value = name == null ? null : entries.get(name);
      if (value == null) {
        throw misfit(path, "it is absent");
      }
      Object mutable = mutable(value);
      entries.put(name, mutable);
      return mutable;
    }
    if (container instanceof ListNode) {
      List<Object> items = ((ListNode) container).items;
      int index = path.lastIndex();
      if (index < 0 || index >= items.size()) {
        throw misfit(path, "it is absent");
      }
      Object mutable = mutable(items.get(index));
      items.set(index, mutable);
      return mutable;
    }
    throw misfit(path, "its parent is neither a map nor a list");
  }

  private static Object mutable(Object value) {
    if (value instanceof AttributeValue) {
      AttributeValue v = (AttributeValue) value;
      if (v.type() == AttributeValue.Type.M) {
        return new MapNode(v.m());
      }
      if (v.type() == AttributeValue.Type.L) {
        return new ListNode(v.l());
      }
    }
    return value;
  }

  private static AttributeValue frozen(Object value) {
    if (value instanceof MapNode) {
      return AttributeValue.fromM(((MapNode) value).freeze());
    }
    if (value instanceof ListNode) {
      return AttributeValue.fromL(((ListNode) value).freeze());
    }
    return (AttributeValue) value;
  }

  private static IllegalArgumentException misfit(AttributePath path, String reason) {
    return new IllegalArgumentException(
        "The diff does not fit the image at attribute path '" + path + "': " + reason);
  }

  /** A map being patched: values are {@link AttributeValue}s or nodes. */
  private static final class MapNode {
    final Map<String, Object> entries;

    MapNode(Map<String, AttributeValue> source) {
      this.entries = new LinkedHashMap<>(source);
    }

    Map<String, AttributeValue> freeze() {
      Map<String, AttributeValue> out = new LinkedHashMap<>(entries.size() * 4 / 3 + 1);
      entries.forEach((k, v) -> out.put(k, frozen(v)));
      return Collections.unmodifiableMap(out);
    }
  }

  /** A list being patched: items are {@link AttributeValue}s or nodes. */
  private static final class ListNode {
    final List<Object> items;

    ListNode(List<AttributeValue> source) {
      this.items = new ArrayList<>(source);
    }

    List<AttributeValue> freeze() {
      List<AttributeValue> out = new ArrayList<>(items.size());
      items.forEach(v -> out.add(frozen(v)));
      return Collections.unmodifiableList(out);
    }
  }
}
