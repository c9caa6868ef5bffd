package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.value.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Union and difference of sets of one type (SS, NS, BS); number sets compare by value. */
final class SetOps {

  private SetOps() {}

  static AttributeValue union(AttributeValue a, AttributeValue b) {
    switch (a.type()) {
      case SS:
        {
          Set<String> out = new LinkedHashSet<>(a.ss());
          out.addAll(b.ss());
          return AttributeValue.fromSs(new ArrayList<>(out));
        }
      case NS:
        {
          Map<String, String> out = new LinkedHashMap<>();
          a.ns().forEach(n -> out.putIfAbsent(Numbers.canonical(n), n));
          b.ns().forEach(n -> out.putIfAbsent(Numbers.canonical(n), n));
          return AttributeValue.fromNs(new ArrayList<>(out.keySet()));
        }
      case BS:
        {
          Set<SdkBytes> out = new LinkedHashSet<>(a.bs());
          out.addAll(b.bs());
          return AttributeValue.fromBs(new ArrayList<>(out));
        }
      default:
        throw new IllegalArgumentException("not a set: " + a.type());
    }
  }

  /** {@code a} minus {@code b}, or {@code null} if nothing is left. */
  static @Nullable AttributeValue difference(AttributeValue a, AttributeValue b) {
    switch (a.type()) {
      case SS:
        {
          List<String> out = new ArrayList<>(a.ss());
          out.removeAll(b.ss());
          return out.isEmpty() ? null : AttributeValue.fromSs(out);
        }
      case NS:
        {
          Set<String> drop = new LinkedHashSet<>();
          b.ns().forEach(n -> drop.add(Numbers.canonical(n)));
          List<String> out = new ArrayList<>();
          for (String n : a.ns()) {
            if (!drop.contains(Numbers.canonical(n))) {
              out.add(n);
            }
          }
          return out.isEmpty() ? null : AttributeValue.fromNs(out);
        }
      case BS:
        {
          List<SdkBytes> out = new ArrayList<>(a.bs());
          out.removeAll(b.bs());
          return out.isEmpty() ? null : AttributeValue.fromBs(out);
        }
      default:
        throw new IllegalArgumentException("not a set: " + a.type());
    }
  }
}
