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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An update expression, ready to apply. Every operand is read from the item as it was before the
 * update; the writes ({@code SET}, {@code ADD}, and {@code DELETE} that leaves members) then go in
 * path order, so that several writes past the end of one list append in index order, and the
 * removals ({@code REMOVE}, and {@code DELETE} that empties a set) last, highest list index first,
 * so that every list index means the position it had before the update.
 */
final class ParsedUpdate implements Update {

  private final List<UpdateAction> actions;
  private final Set<String> topLevelNames;

  ParsedUpdate(List<UpdateAction> actions) {
    this.actions = List.copyOf(actions);
    Set<String> names = new LinkedHashSet<>();
    for (UpdateAction action : actions) {
      names.add(action.path().topName());
    }
    this.topLevelNames = Collections.unmodifiableSet(names);
  }

  @Override
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    List<Write> writes = new ArrayList<>();
    List<Path> removals = new ArrayList<>();
    for (UpdateAction action : actions) {
      Path path = action.path();
      if (action instanceof UpdateAction.Set) {
        writes.add(new Write(path, ((UpdateAction.Set) action).value().evaluate(item)));
      } else if (action instanceof UpdateAction.Add) {
        AttributeValue operand = ((UpdateAction.Add) action).operand().value();
        writes.add(new Write(path, SetMath.add(path.resolve(item), operand)));
      } else if (action instanceof UpdateAction.Delete) {
        AttributeValue existing = path.resolve(item);
        AttributeValue rest =
            existing == null
                ? null
                : SetMath.subtract(existing, ((UpdateAction.Delete) action).operand().value());
        if (rest == null) {
          // Nothing left (or nothing there): remove, which also checks the parent path.
          removals.add(path);
        } else {
          writes.add(new Write(path, rest));
        }
      } else {
        removals.add(path);
      }
    }
    WorkingItem working = new WorkingItem(item);
    writes.sort((a, b) -> Path.compare(a.path(), b.path()));
    for (Write write : writes) {
      working.set(write.path(), write.value());
    }
    removals.sort((a, b) -> Path.compare(b, a));
    for (Path path : removals) {
      working.remove(path);
    }
    return working.toItem();
  }

  @Override
  public Set<String> topLevelNames() {
    return topLevelNames;
  }

  private record Write(Path path, AttributeValue value) {}
}
