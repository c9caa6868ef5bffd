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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.diff.AttributeChange;
import dev.ddbstreams.diff.ImageDiff;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Properties of {@link ImageDiff} over random pairs of images.
 *
 * <p>Pairs are generated side by side, so that they share structure the way an item's old and new
 * image do: the same value in two spellings (numbers as {@code 1}, {@code 1.0}, {@code 1E+1}; sets
 * in another order), values that differ, entries on one side only, lists that grow or shrink, types
 * that change. Equality is checked against {@link #canonical}, an oracle written apart from the
 * production code. Seeded: see {@link SeededCases}.
 */
class ImageDiffProperties {
  private static final int DEPTH = 3;
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

  @Test
  void applyingTheDiffToTheOldImageGivesTheNewImage() {
    SeededCases.check(
        300,
        ImageDiffProperties::images,
        Images::toString,
        images -> {
          ImageDiff diff = ImageDiff.between(images.before(), images.after());

          Map<String, AttributeValue> patched = diff.applyTo(images.before());

          assertThat(canonical(patched)).isEqualTo(canonical(images.after()));
        });
  }

  @Test
  void anImageHasNoDiffWithItself() {
    SeededCases.check(
        200,
        ImageDiffProperties::images,
        Images::toString,
        images -> {
          assertThat(ImageDiff.between(images.before(), images.before()).isEmpty()).isTrue();
          assertThat(
                  ImageDiff.between(images.after(), new LinkedHashMap<>(images.after())).changes())
              .isEmpty();
        });
  }

  @Test
  void diffIsEmptyExactlyWhenTheImagesAreEqualByValue() {
    SeededCases.check(
        300,
        ImageDiffProperties::images,
        Images::toString,
        images -> {
          boolean equal = canonical(images.before()).equals(canonical(images.after()));

          assertThat(ImageDiff.between(images.before(), images.after()).isEmpty()).isEqualTo(equal);
        });
  }

  @Test
  void swappingTheImagesSwapsAddedAndRemoved() {
    SeededCases.check(
        300,
        ImageDiffProperties::images,
        Images::toString,
        images -> {
          ImageDiff forward = ImageDiff.between(images.before(), images.after());
          ImageDiff backward = ImageDiff.between(images.after(), images.before());

          assertThat(backward.addedPaths()).containsExactlyElementsOf(forward.removedPaths());
          assertThat(backward.removedPaths()).containsExactlyElementsOf(forward.addedPaths());
          assertThat(backward.changedPaths()).containsExactlyElementsOf(forward.changedPaths());
        });
  }

  @Test
  void everyReportedPathReachesTheValuesThatDiffer() {
    SeededCases.check(
        300,
        ImageDiffProperties::images,
        Images::toString,
        images -> {
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
        });
  }

  static Images images(Gen gen) {
    Side side = mapSide(gen, DEPTH);
    return new Images(
        side.before() == null ? Map.of() : side.before().m(),
        side.after() == null ? Map.of() : side.after().m());
  }

  // ---- generators of both sides at once ----

  private static Side side(Gen gen, int depth) {
    List<Supplier<Side>> choices = new ArrayList<>();
    choices.add(() -> sameScalarSpelledTwice(gen));
    choices.add(
        () -> {
          AttributeValue v = value(gen, depth);
          return new Side(v, v);
        });
    choices.add(() -> new Side(value(gen, depth), value(gen, depth)));
    if (depth == 0) {
      return gen.weighted(new int[] {3, 2, 3}, choices);
    }
    choices.add(() -> mapSide(gen, depth - 1));
    choices.add(() -> listSide(gen, depth - 1));
    return gen.weighted(new int[] {3, 2, 3, 3, 3}, choices);
  }

  /** An entry of a map: on both sides, or only on one. */
  private static Side entry(Gen gen, int depth) {
    return gen.weighted(
        new int[] {4, 1, 1},
        List.<Supplier<Side>>of(
            () -> side(gen, depth),
            () -> new Side(value(gen, depth), null),
            () -> new Side(null, value(gen, depth))));
  }

  private static Side mapSide(Gen gen, int depth) {
    Map<String, AttributeValue> before = new LinkedHashMap<>();
    Map<String, AttributeValue> after = new LinkedHashMap<>();
    for (String key : gen.uniqueList(0, 4, () -> gen.oneOf(KEYS))) {
      Side s = entry(gen, depth);
      if (s.before() != null) {
        before.put(key, s.before());
      }
      if (s.after() != null) {
        after.put(key, s.after());
      }
    }
    return new Side(AttributeValue.fromM(before), AttributeValue.fromM(after));
  }

  private static Side listSide(Gen gen, int depth) {
    List<Side> common = gen.list(0, 3, () -> side(gen, depth));
    List<AttributeValue> tail = gen.list(0, 2, () -> value(gen, depth));
    boolean tailIsOld = gen.bool();
    List<AttributeValue> before = new ArrayList<>();
    List<AttributeValue> after = new ArrayList<>();
    for (Side s : common) {
      before.add(s.before());
      after.add(s.after());
    }
    (tailIsOld ? before : after).addAll(tail);
    return new Side(AttributeValue.fromL(before), AttributeValue.fromL(after));
  }

  /** The same number in two spellings, or the same set in two orders. */
  private static Side sameScalarSpelledTwice(Gen gen) {
    return gen.draw(
        () -> {
          BigDecimal v = number(gen);
          return new Side(n(spell(v, form(gen))), n(spell(v, form(gen))));
        },
        () -> {
          List<BigDecimal> vs = numberList(gen);
          int f = form(gen);
          int g = form(gen);
          List<BigDecimal> shuffled = gen.shuffle(vs);
          return new Side(
              AttributeValue.fromNs(vs.stream().map(v -> spell(v, f)).toList()),
              AttributeValue.fromNs(shuffled.stream().map(v -> spell(v, g)).toList()));
        },
        () -> {
          List<String> ss = gen.uniqueList(1, 3, () -> string(gen));
          return new Side(AttributeValue.fromSs(ss), AttributeValue.fromSs(gen.shuffle(ss)));
        },
        () -> {
          List<SdkBytes> bs = gen.uniqueList(1, 3, () -> binary(gen));
          return new Side(AttributeValue.fromBs(bs), AttributeValue.fromBs(gen.shuffle(bs)));
        },
        () -> {
          byte[] b = gen.bytes(3);
          return new Side(
              AttributeValue.fromB(SdkBytes.fromByteArray(b)),
              AttributeValue.fromB(SdkBytes.fromByteArray(b.clone())));
        });
  }

  // ---- generators of one value ----

  private static AttributeValue value(Gen gen, int depth) {
    if (depth > 0) {
      switch (gen.between(0, 2)) {
        case 1:
          Map<String, AttributeValue> m = new LinkedHashMap<>();
          for (String key : gen.uniqueList(0, 3, () -> gen.oneOf(KEYS))) {
            m.put(key, value(gen, depth - 1));
          }
          return AttributeValue.fromM(m);
        case 2:
          return AttributeValue.fromL(gen.list(0, 3, () -> value(gen, depth - 1)));
        default:
          break;
      }
    }
    return scalar(gen);
  }

  private static AttributeValue scalar(Gen gen) {
    return gen.draw(
        () -> AttributeValue.fromS(string(gen)),
        () -> n(spell(number(gen), form(gen))),
        () -> AttributeValue.fromB(binary(gen)),
        () -> AttributeValue.fromSs(gen.uniqueList(1, 3, () -> string(gen))),
        () -> {
          int f = form(gen);
          return AttributeValue.fromNs(numberList(gen).stream().map(v -> spell(v, f)).toList());
        },
        () -> AttributeValue.fromBs(gen.uniqueList(1, 3, () -> binary(gen))),
        () -> AttributeValue.fromBool(gen.bool()),
        () -> AttributeValue.fromNul(true));
  }

  private static String string(Gen gen) {
    return gen.oneOf("", "a", "b", "1", "x y");
  }

  private static SdkBytes binary(Gen gen) {
    return SdkBytes.fromByteArray(gen.bytes(2, (byte) 0, (byte) 3));
  }

  private static BigDecimal number(Gen gen) {
    return BigDecimal.valueOf(gen.between(-20, 20), gen.between(0, 1));
  }

  /** One to three numbers, distinct by value. */
  private static List<BigDecimal> numberList(Gen gen) {
    return gen.uniqueList(1, 3, () -> number(gen), BigDecimal::stripTrailingZeros);
  }

  private static int form(Gen gen) {
    return gen.between(0, 3);
  }

  /** Spells a number the way DynamoDB may hand it back: 10, 1E+1, 10.0, 100E-1. */
  private static String spell(BigDecimal value, int form) {
    return switch (form) {
      case 0 -> value.toPlainString();
      case 1 -> value.stripTrailingZeros().toString();
      case 2 -> value.setScale(value.scale() + 1).toPlainString();
      default -> value.unscaledValue().multiply(BigInteger.TEN) + "E-" + (value.scale() + 1);
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
