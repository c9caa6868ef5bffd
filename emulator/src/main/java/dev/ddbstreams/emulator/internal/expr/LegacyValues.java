package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.value.Numbers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Equality and containment of attribute values as the legacy parameters define them. */
final class LegacyValues {

  private LegacyValues() {}

  /** Equal by the service's rules: numbers by value, sets as sets, lists and maps element-wise. */
  static boolean equal(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    switch (a.type()) {
      case N:
        return Numbers.compare(a.n(), b.n()) == 0;
      case NS:
        return numberSet(a.ns()).equals(numberSet(b.ns()));
      case SS:
        return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
      case BS:
        return new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
      case L:
        {
          List<AttributeValue> x = a.l();
          List<AttributeValue> y = b.l();
          if (x.size() != y.size()) {
            return false;
          }
          for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i))) {
              return false;
            }
          }
          return true;
        }
      case M:
        {
          Map<String, AttributeValue> x = a.m();
          Map<String, AttributeValue> y = b.m();
          if (!x.keySet().equals(y.keySet())) {
            return false;
          }
          for (Map.Entry<String, AttributeValue> e : x.entrySet()) {
            if (!equal(e.getValue(), y.get(e.getKey()))) {
              return false;
            }
          }
          return true;
        }
      default:
        return a.equals(b);
    }
  }

  /** CONTAINS: a substring of S or B, a member of a set, an element of a list. */
  static boolean contains(AttributeValue container, AttributeValue operand) {
    switch (container.type()) {
      case S:
        return operand.s() != null && container.s().contains(operand.s());
      case B:
        return operand.b() != null && indexOf(container.b(), operand.b()) >= 0;
      case SS:
        return operand.s() != null && container.ss().contains(operand.s());
      case NS:
        return operand.n() != null
            && container.ns().stream().anyMatch(n -> Numbers.compare(n, operand.n()) == 0);
      case BS:
        return operand.b() != null && container.bs().contains(operand.b());
      case L:
        return container.l().stream().anyMatch(e -> equal(e, operand));
      default:
        return false;
    }
  }

  private static Set<String> numberSet(List<String> numbers) {
    return numbers.stream().map(Numbers::canonical).collect(Collectors.toSet());
  }

  private static int indexOf(SdkBytes haystack, SdkBytes needle) {
    byte[] h = haystack.asByteArrayUnsafe();
    byte[] n = needle.asByteArrayUnsafe();
    outer:
    for (int i = 0; i + n.length <= h.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (h[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
