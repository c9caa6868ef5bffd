package dev.ddbstreams;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** jqwik generators for DynamoDB attribute values, and value equality as DynamoDB defines it. */
final class AttributeArbitraries {
  private AttributeArbitraries() {}

  /** Numbers inside DynamoDB's range: up to 38 digits, magnitudes 1E-130 to 9.99..E+125. */
  static Arbitrary<BigDecimal> numbers() {
    Arbitrary<BigDecimal> general =
        Combinators.combine(
                Arbitraries.integers().between(1, 38),
                Arbitraries.integers().between(-130, 125),
                Arbitraries.of(1, -1),
                Arbitraries.strings().numeric().ofLength(38))
            .as(
                (digits, magnitude, sign, text) -> {
                  String unscaled = "1" + text.substring(0, digits - 1);
                  BigInteger value = new BigInteger(unscaled).multiply(BigInteger.valueOf(sign));
                  return new BigDecimal(value, digits - 1 - magnitude);
                });
    return Arbitraries.frequencyOf(
        Tuple.of(3, general),
        Tuple.of(2, Arbitraries.longs().map(BigDecimal::valueOf)),
        Tuple.of(
            1,
            Arbitraries.of(
                BigDecimal.ZERO,
                new BigDecimal("1.0"),
                new BigDecimal("1E-130"),
                new BigDecimal("9.9999999999999999999999999999999999999E+125"),
                new BigDecimal("-9.9999999999999999999999999999999999999E+125"))));
  }

  private static Arbitrary<String> numberTexts() {
    return numbers().map(BigDecimal::toString);
  }

  static Arbitrary<String> strings() {
    return Arbitraries.strings().all().ofMaxLength(12);
  }

  static Arbitrary<SdkBytes> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(SdkBytes::fromByteArray);
  }

  static Arbitrary<AttributeValue> values(int depth) {
    List<Arbitrary<AttributeValue>> leaves =
        List.of(
            strings().map(AttributeValue::fromS),
            numberTexts().map(AttributeValue::fromN),
            bytes().map(AttributeValue::fromB),
            Arbitraries.of(true, false).map(AttributeValue::fromBool),
            Arbitraries.just(AttributeValue.fromNul(true)),
            strings()
                .set()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(s -> AttributeValue.fromSs(List.copyOf(s))),
            numbers().set().ofMinSize(1).ofMaxSize(4).map(AttributeArbitraries::numberSet),
            bytes()
                .set()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(s -> AttributeValue.fromBs(List.copyOf(s))));
    Arbitrary<AttributeValue> leaf = Arbitraries.oneOf(leaves);
    if (depth <= 0) {
      return leaf;
    }
    Arbitrary<AttributeValue> list =
        Arbitraries.lazy(() -> values(depth - 1)).list().ofMaxSize(3).map(AttributeValue::fromL);
    Arbitrary<AttributeValue> map = images(depth - 1).map(AttributeValue::fromM);
    return Arbitraries.frequencyOf(Tuple.of(6, leaf), Tuple.of(1, list), Tuple.of(1, map));
  }

  static Arbitrary<Map<String, AttributeValue>> images(int depth) {
    return Arbitraries.maps(
            Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars("._-#[]`")
                .ofMinLength(1)
                .ofMaxLength(6),
            Arbitraries.lazy(() -> values(depth)))
        .ofMaxSize(4);
  }

  /** NS sets hold distinct numbers by value: DynamoDB rejects 1 and 1.0 in one set. */
  private static AttributeValue numberSet(Set<BigDecimal> numbers) {
    Set<BigDecimal> distinct = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (BigDecimal n : numbers) {
      if (distinct.add(n.stripTrailingZeros())) {
        texts.add(n.toString());
      }
    }
    return AttributeValue.fromNs(texts);
  }

  /** Equality as DynamoDB sees it: numbers by value, sets as sets, binaries by content. */
  static boolean same(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    return switch (a.type()) {
      case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
      case NS -> numberSet(a.ns()).equals(numberSet(b.ns()));
      case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
      case BS -> Set.copyOf(a.bs()).equals(Set.copyOf(b.bs()));
      case L -> sameList(a.l(), b.l());
      case M -> same(a.m(), b.m());
      default -> a.equals(b);
    };
  }

  static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      if (!same(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Set<BigDecimal> numberSet(Collection<String> texts) {
    Set<BigDecimal> out = new HashSet<>();
    for (String t : texts) {
      out.add(new BigDecimal(t).stripTrailingZeros());
    }
    return out;
  }
}
