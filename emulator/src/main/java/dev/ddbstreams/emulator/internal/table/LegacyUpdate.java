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
package dev.ddbstreams.emulator.internal.table;

import dev.ddbstreams.emulator.internal.expr.Update;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The legacy {@code AttributeUpdates} of UpdateItem: PUT, DELETE and ADD per attribute. */
final class LegacyUpdate implements Update {

  private final Map<String, String> actions;
  private final Map<String, AttributeValue> values;

  LegacyUpdate(Map<String, String> actions, Map<String, AttributeValue> values) {
    this.actions = actions;
    this.values = values;
  }

  @Override
  public Set<String> topLevelNames() {
    return actions.keySet();
  }

  @Override
  public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(item);
    for (Map.Entry<String, String> e : actions.entrySet()) {
      String name = e.getKey();
      AttributeValue v = values.get(name);
      AttributeValue current = out.get(name);
      switch (e.getValue()) {
        case "PUT" -> out.put(name, v);
        case "DELETE" -> {
          if (v == null) {
            out.remove(name);
          } else if (current != null) {
            AttributeValue rest = setOp(current, v, false);
            if (rest == null) {
              out.remove(name);
            } else {
              out.put(name, rest);
            }
          }
        }
        default -> {
          if (current == null) {
            out.put(name, v);
          } else if (v.type() == AttributeValue.Type.N) {
            if (current.type() != AttributeValue.Type.N) {
              throw mismatch();
            }
            out.put(name, AttributeValue.fromN(Numbers.add(current.n(), v.n())));
          } else if (v.type() == AttributeValue.Type.L) {
            if (current.type() != AttributeValue.Type.L) {
              throw mismatch();
            }
            List<AttributeValue> l = new ArrayList<>(current.l());
            l.addAll(v.l());
            out.put(name, AttributeValue.fromL(l));
          } else {
            out.put(name, setOp(current, v, true));
          }
        }
      }
    }
    return out;
  }

  /** Union ({@code add}) or difference of two sets of one type; null for an empty result. */
  private static AttributeValue setOp(AttributeValue current, AttributeValue v, boolean add) {
    if (current.type() != v.type()) {
      throw mismatch();
    }
    switch (v.type()) {
      case SS:
        {
          Set<String> s = new LinkedHashSet<>(current.ss());
          if (add) {
            s.addAll(v.ss());
          } else {
            v.ss().forEach(s::remove);
          }
          return s.isEmpty() ? null : AttributeValue.fromSs(new ArrayList<>(s));
        }
      case NS:
        {
          Set<String> s = new LinkedHashSet<>(current.ns());
          if (add) {
            s.addAll(v.ns());
          } else {
            v.ns().forEach(s::remove);
          }
          return s.isEmpty() ? null : AttributeValue.fromNs(new ArrayList<>(s));
        }
      default:
        {
          List<SdkBytes> s = new ArrayList<>(current.bs());
          for (SdkBytes b : v.bs()) {
            if (add && !s.contains(b)) {
              s.add(b);
            } else if (!add) {
              s.remove(b);
            }
          }
          return s.isEmpty() ? null : AttributeValue.fromBs(s);
        }
    }
  }

  private static AwsException mismatch() {
    return AwsException.validation(
        "One or more parameter values were invalid: Type mismatch for attribute to update");
  }
}
