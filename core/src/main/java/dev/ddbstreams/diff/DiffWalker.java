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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks two images side by side and lists where they differ.
 *
 * <p>This runs once per stream record, so it allocates nothing while the images agree: the current
 * position is kept in reusable arrays, and an {@link AttributePath} is built only for a difference.
 * Maps recurse, lists compare by index, everything else compares as a whole through {@link
 * ValueEquality}; a value whose type changed is one difference, without recursion.
 */
final class DiffWalker {
  private static final int NO_INDEX = -1;

  private @Nullable String[] names = new String[8];
  private int[] indexes = new int[8];
  private int depth;
  private @Nullable List<AttributeChange> entries;

  private DiffWalker() {}

  /**
   * Lists the differences between two images, sorted by path.
   *
   * @param oldImage the image before the change, possibly empty
   * @param newImage the image after the change, possibly empty
   * @return the differences, sorted by {@link AttributePath#compareTo}; empty when equal by value
   */
  static List<AttributeChange> diff(
      Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
    if (oldImage == newImage) {
      return List.of();
    }
    DiffWalker walker = new DiffWalker();
    walker.maps(oldImage, newImage);
    List<AttributeChange> found = walker.entries;
    if (found == null) {
      return List.of();
    }
    if (found.size() > 1) {
      found.sort((a, b) -> a.attributePath().compareTo(b.attributePath()));
    }
    return found;
  }

  private void maps(Map<String, AttributeValue> oldMap, Map<String, AttributeValue> newMap) {
    int matched = 0;
    for (Map.Entry<String, AttributeValue> e : oldMap.entrySet()) {
      AttributeValue newValue = newMap.get(e.getKey());
      push(e.getKey(), NO_INDEX);
      if (newValue == null) {
        emit(Kind.REMOVED, e.getValue(), null);
      } else {
        matched++;
        values(e.getValue(), newValue);
      }
      pop();
    }
    if (matched == newMap.size()) {
      return;
    }
    for (Map.Entry<String, AttributeValue> e : newMap.entrySet()) {
      if (!oldMap.containsKey(e.getKey())) {
        push(e.getKey(), NO_INDEX);
        emit(Kind.ADDED, null, e.getValue());
        pop();
      }
    }
  }

  private void lists(List<AttributeValue> oldList, List<AttributeValue> newList) {
    Iterator<AttributeValue> olds = oldList.iterator();
    Iterator<AttributeValue> news = newList.iterator();
    int i = 0;
    for (; olds.hasNext() && news.hasNext(); i++) {
      push(null, i);
      values(olds.next(), news.next());
      pop();
    }
    for (int j = i; olds.hasNext(); j++) {
      push(null, j);
      emit(Kind.REMOVED, olds.next(), null);
      pop();
    }
    for (int j = i; news.hasNext(); j++) {
      push(null, j);
      emit(Kind.ADDED, null, news.next());
      pop();
    }
  }

  private void values(AttributeValue oldValue, AttributeValue newValue) {
    if (oldValue == newValue) {
      return;
    }
    AttributeValue.Type type = oldValue.type();
    if (type != newValue.type()) {
      emit(Kind.CHANGED, oldValue, newValue);
    } else if (type == AttributeValue.Type.M) {
      maps(oldValue.m(), newValue.m());
    } else if (type == AttributeValue.Type.L) {
      lists(oldValue.l(), newValue.l());
    } else if (!ValueEquality.sameScalar(type, oldValue, newValue)) {
      emit(Kind.CHANGED, oldValue, newValue);
    }
  }

  private void push(@Nullable String name, int index) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    depth++;
  }

  private void pop() {
    depth--;
  }

  private void emit(
      Kind kind, @Nullable AttributeValue oldValue, @Nullable AttributeValue newValue) {
    List<AttributeChange> found = entries;
    if (found == null) {
      found = new ArrayList<>();
      entries = found;
    }
    found.add(new AttributeChange(currentPath(), kind, oldValue, newValue));
  }

  private AttributePath currentPath() {
    AttributePath path = null;
    for (int d = 0; d < depth; d++) {
      String name = names[d];
      path = name != null ? AttributePath.name(path, name) : AttributePath.index(path, indexes[d]);
    }
    if (path == null) {
      throw new IllegalStateException("a difference is always inside an attribute");
    }
    return path;
  }
}
