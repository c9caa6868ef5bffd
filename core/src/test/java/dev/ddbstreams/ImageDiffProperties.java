package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Properties of {@link ImageDiff} over random pairs of images.
 *
 * <p>Pairs are generated side by side, so that they share structure the way an item's old and new
 * image do: the same value in two spellings (numbers as {@code 1}, {@code 1.0}, {@code 1E+1}; sets
 * in another order), values that differ, entries on one side only, lists that grow or shrink, types
 * that change. Equality is checked against {@link #canonical}, an oracle written apart from the
 * production code.
 */
class ImageDiffProperties {
  private static final int DEPTH = 3;
  // Arbitraries are immutable; building each depth once keeps generation cheap.
  private static final Map<Integer, Arbitrary<Side>> SIDES = new HashMap<>();
  private static final Map<Integer, Arbitrary<AttributeValue>> VALUES = new HashMap<>();
  private static final List<String> KEYS = List.of("a", "b", "c", "a.b", "x`y", "[0]", "");

  /** Two values (or absences) at the same place of the old and the new image. */
  record Side(@Nullable AttributeValue before, @Nullable AttributeValue after) {}

  /** Two images at once. */
  record Images(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    @Override
    public String toString() {
      return "before=" + before + "\nafter=" + after;
    }
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void applyingTheDiffToTheOldImageGivesTheNewImage(@ForAll("images") Images images) {
    ImageDiff diff = ImageDiff.between(images.before(), images.after());

    Map<String, AttributeValue> patched = diff.applyTo(images.before());

    assertThat(canonical(patched)).isEqualTo(canonical(images.after()));
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void anImageHasNoDiffWithItself(@ForAll("images") Images images) {
    assertThat(ImageDiff.between(images.before(), images.before()).isEmpty()).isTrue();
    assertThat(ImageDiff.between(images.after(), new LinkedHashMap<>(images.after())).changes())
        .isEmpty();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void diffIsEmptyExactlyWhenTheImagesAreEqualByValue(@ForAll("images") Images images) {
    boolean equal = canonical(images.before()).equals(canonical(images.after()));

    assertThat(ImageDiff.between(images.before(), images.after()).isEmpty()).isEqualTo(equal);
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void swappingTheImagesSwapsAddedAndRemoved(@ForAll("images") Images images) {
    ImageDiff forward = ImageDiff.between(images.before(), images.after());
    ImageDiff backward = ImageDiff.between(images.after(), images.before());

    assertThat(backward.addedPaths()).containsExactlyElementsOf(forward.removedPaths());
    assertThat(backward.removedPaths()).containsExactlyElementsOf(forward.addedPaths());
    assertThat(backward.changedPaths()).containsExactlyElementsOf(forward.changedPaths());
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyReportedPathReachesTheValuesThatDiffer(@ForAll("images") Images images) {
    ImageDiff diff = ImageDiff.between(images.before(), images.after());

    for (AttributeChange change : diff.changes()) {
      String path = change.path();
      assertThat(diff.changed(path)).as(path).isTrue();
      assertThat(diff.oldValue(path)).as(path).isEqualTo(change.oldValue());
      assertThat(diff.newValue(path)).as(path).isEqualTo(change.newValue());
      switch (change.kind()) {
        case ADDED -> assertThat(change.oldValue()).isEmpty();
        case REMOVED -> assertThat(change.newValue()).isEmpty();
        case CHANGED ->
            assertThat(canonical(change.oldValue().orElseThrow()))
                .isNotEqualTo(canonical(change.newValue().orElseThrow()));
      }
    }
  }

  @Provide
  Arbitrary<Images> images() {
    return mapSide(DEPTH)
        .map(
            side ->
                new Images(
                    side.before() == null ? Map.of() : side.before().m(),
                    side.after() == null ? Map.of() : side.after().m()));
  }

  // ---- generators of both sides at once ----

  private static Arbitrary<Side> side(int depth) {
    Arbitrary<Side> cached = SIDES.get(depth);
    if (cached == null) {
      cached = newSide(depth);
      SIDES.put(depth, cached);
    }
    return cached;
  }

  private static Arbitrary<Side> newSide(int depth) {
    List<Tuple.Tuple2<Integer, Arbitrary<Side>>> choices = new ArrayList<>();
    choices.add(Tuple.of(3, sameScalarSpelledTwice()));
    choices.add(Tuple.of(2, value(depth).map(v -> new Side(v, v))));
    choices.add(Tuple.of(3, Combinators.combine(value(depth), value(depth)).as(Side::new)));
    if (depth > 0) {
      choices.add(Tuple.of(3, mapSide(depth - 1)));
      choices.add(Tuple.of(3, listSide(depth - 1)));
    }
    return Arbitraries.frequencyOf(choices);
  }

  /** An entry of a map: on both sides, or only on one. */
  private static Arbitrary<Side> entry(int depth) {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(4, side(depth)),
            Tuple.of(1, value(depth).map(v -> new Side(v, null))),
            Tuple.of(1, value(depth).map(v -> new Side(null, v)))));
  }

  private static Arbitrary<Side> mapSide(int depth) {
    return Arbitraries.of(KEYS)
        .list()
        .uniqueElements()
        .ofMaxSize(4)
        .flatMap(
            keys ->
                Combinators.combine(keys.stream().map(k -> entry(depth)).toList())
                    .as(
                        entries -> {
                          Map<String, AttributeValue> before = new LinkedHashMap<>();
                          Map<String, AttributeValue> after = new LinkedHashMap<>();
                          for (int i = 0; i < keys.size(); i++) {
                            Side s = entries.get(i);
                            if (s.before() != null) {
                              before.put(keys.get(i), s.before());
                            }
                            if (s.after() != null) {
                              after.put(keys.get(i), s.after());
                            }
                          }
                          return new Side(
                              AttributeValue.fromM(before), AttributeValue.fromM(after));
                        }));
  }

  private static Arbitrary<Side> listSide(int depth) {
    return Combinators.combine(
            side(depth).list().ofMaxSize(3),
            value(depth).list().ofMaxSize(2),
            Arbitraries.of(true, false))
        .as(
            (common, tail, tailIsOld) -> {
              List<AttributeValue> before = new ArrayList<>();
              List<AttributeValue> after = new ArrayList<>();
              for (Side s : common) {
                before.add(s.before());
                after.add(s.after());
              }
              (tailIsOld ? before : after).addAll(tail);
              return new Side(AttributeValue.fromL(before), AttributeValue.fromL(after));
            });
  }

  /** The same number in two spellings, or the same set in two orders. */
  private static Arbitrary<Side> sameScalarSpelledTwice() {
    Arbitrary<Side> number =
        Combinators.combine(numbers(), forms(), forms())
            .as((v, f, g) -> new Side(n(spell(v, f)), n(spell(v, g))));
    Arbitrary<Side> numberSet =
        Combinators.combine(
                numbers()
                    .list()
                    .uniqueElements(BigDecimal::stripTrailingZeros)
                    .ofMinSize(1)
                    .ofMaxSize(3),
                forms(),
                forms())
            .flatAs(
                (vs, f, g) ->
                    Arbitraries.shuffle(vs)
                        .map(
                            shuffled ->
                                new Side(
                                    AttributeValue.fromNs(
                                        vs.stream().map(v -> spell(v, f)).toList()),
                                    AttributeValue.fromNs(
                                        shuffled.stream().map(v -> spell(v, g)).toList()))));
    Arbitrary<Side> stringSet =
        strings()
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(3)
            .flatMap(
                ss ->
                    Arbitraries.shuffle(ss)
                        .map(o -> new Side(AttributeValue.fromSs(ss), AttributeValue.fromSs(o))));
    Arbitrary<Side> binarySet =
        binaries()
            .list()
            .uniqueElements()
            .ofMinSize(1)
            .ofMaxSize(3)
            .flatMap(
                bs ->
                    Arbitraries.shuffle(bs)
                        .map(o -> new Side(AttributeValue.fromBs(bs), AttributeValue.fromBs(o))));
    Arbitrary<Side> binary =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(3)
            .map(
                b ->
                    new Side(
                        AttributeValue.fromB(SdkBytes.fromByteArray(b)),
                        AttributeValue.fromB(SdkBytes.fromByteArray(b.clone()))));
    return Arbitraries.oneOf(List.of(number, numberSet, stringSet, binarySet, binary));
  }

  // ---- generators of one value ----

  private static Arbitrary<AttributeValue> value(int depth) {
    Arbitrary<AttributeValue> cached = VALUES.get(depth);
    if (cached == null) {
      cached = newValue(depth);
      VALUES.put(depth, cached);
    }
    return cached;
  }

  private static Arbitrary<AttributeValue> newValue(int depth) {
    List<Arbitrary<AttributeValue>> choices = new ArrayList<>(List.of(scalar()));
    if (depth > 0) {
      choices.add(
          Arbitraries.maps(Arbitraries.of(KEYS), value(depth - 1))
              .ofMaxSize(3)
              .map(AttributeValue::fromM));
      choices.add(value(depth - 1).list().ofMaxSize(3).map(AttributeValue::fromL));
    }
    return Arbitraries.oneOf(choices);
  }

  private static Arbitrary<AttributeValue> scalar() {
    return Arbitraries.oneOf(
        List.of(
            strings().map(AttributeValue::fromS),
            Combinators.combine(numbers(), forms()).as((v, f) -> n(spell(v, f))),
            binaries().map(AttributeValue::fromB),
            strings().list().uniqueElements().ofMinSize(1).ofMaxSize(3).map(AttributeValue::fromSs),
            Combinators.combine(
                    numbers()
                        .list()
                        .uniqueElements(BigDecimal::stripTrailingZeros)
                        .ofMinSize(1)
                        .ofMaxSize(3),
                    forms())
                .as((vs, f) -> AttributeValue.fromNs(vs.stream().map(v -> spell(v, f)).toList())),
            binaries()
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(AttributeValue::fromBs),
            Arbitraries.of(true, false).map(AttributeValue::fromBool),
            Arbitraries.just(AttributeValue.fromNul(true))));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.of("", "a", "b", "1", "x y");
  }

  private static Arbitrary<SdkBytes> binaries() {
    return Arbitraries.bytes()
        .between((byte) 0, (byte) 3)
        .array(byte[].class)
        .ofMaxSize(2)
        .map(SdkBytes::fromByteArray);
  }

  private static Arbitrary<BigDecimal> numbers() {
    return Combinators.combine(
            Arbitraries.integers().between(-20, 20), Arbitraries.integers().between(0, 1))
        .as((unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
  }

  private static Arbitrary<Integer> forms() {
    return Arbitraries.integers().between(0, 3);
  }

  /** Spells a number the way DynamoDB may hand it back: 10, 1E+1, 10.0, 100E-1. */
  private static String spell(BigDecimal value, int form) {
    return switch (form) {
      case 0 -> value.toPlainString();
      case 1 -> value.stripTrailingZeros().toString();
      case 2 -> value.setScale(value.scale() + 1).toPlainString();
      default ->
          value.unscaledValue().multiply(java.math.BigInteger.TEN) + "E-" + (value.scale() + 1);
    };
  }

  private static AttributeValue n(String text) {
    return AttributeValue.fromN(text);
  }

  // ---- the oracle: a canonical form that equals() exactly when values are equal by value ----

  static Object canonical(Map<String, AttributeValue> image) {
    return canonical(AttributeValue.fromM(image));
  }

  static Object canonical(AttributeValue v) {
    return switch (v.type()) {
      case S -> List.of("S", v.s());
      case N -> List.of("N", new BigDecimal(v.n()).stripTrailingZeros());
      case B -> List.of("B", ByteBuffer.wrap(v.b().asByteArray()));
      case BOOL -> List.of("BOOL", v.bool());
      case NUL -> List.of("NUL");
      case SS -> List.of("SS", new HashSet<>(v.ss()));
      case NS ->
          List.of(
              "NS",
              toSet(v.ns().stream().map(t -> new BigDecimal(t).stripTrailingZeros()).toList()));
      case BS ->
          List.of("BS", toSet(v.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList()));
      case M -> {
        Map<String, Object> m = new LinkedHashMap<>();
        v.m().forEach((k, x) -> m.put(k, canonical(x)));
        yield List.of("M", m);
      }
      case L -> List.of("L", v.l().stream().map(ImageDiffProperties::canonical).toList());
      default -> throw new AssertionError("unexpected type " + v.type());
    };
  }

  private static <T> Set<T> toSet(List<T> items) {
    return new HashSet<>(items);
  }
}
