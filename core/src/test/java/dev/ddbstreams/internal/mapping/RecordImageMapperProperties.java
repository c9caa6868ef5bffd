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
package dev.ddbstreams.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Gen;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.SeededCases;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The record mapper against the Jackson mapper it replaces: for random images of a record with
 * every supported component type (well-typed, missing, {@code NULL}, of another type, numbers that
 * do not fit, attributes no component reads), both give equal values of the same classes or the
 * same exception.
 */
class RecordImageMapperProperties {
  enum Color {
    RED,
    GREEN,
    BLUE
  }

  record Inner(String label, long n, Inner next) {}

  record Sample(
      String s,
      int i,
      Integer boxedI,
      long l,
      Long boxedL,
      short sh,
      byte b,
      Byte boxedB,
      double d,
      Double boxedD,
      float f,
      Float boxedF,
      boolean flag,
      Boolean boxedFlag,
      BigDecimal dec,
      BigInteger big,
      byte[] blob,
      Color color,
      List<String> names,
      Set<String> tags,
      Collection<BigDecimal> scores,
      Set<Integer> ints,
      List<byte[]> blobs,
      Map<String, Integer> counts,
      Map<String, Object> extra,
      Object any,
      List<Object> mixed,
      Inner inner,
      List<Inner> inners,
      Map<String, Inner> byName) {}

  /** Numbers around every limit a field has, and texts DynamoDB writes in other forms. */
  static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "1",
          "-1",
          "+5",
          "007",
          "3.000",
          "1E+2",
          "1e2",
          "2.5",
          "-0.0",
          ".5",
          "127",
          "128",
          "-128",
          "-129",
          "255",
          "256",
          "32767",
          "32768",
          "-32769",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "123456789012345678",
          "1234567890123456789",
          "12345678901234567890123456789012345678",
          "9.9999999999999999999999999999999999999E+125",
          "1E+125",
          "1E+126",
          "1E-130",
          "1E-131",
          "3.4028235E+38",
          "3.5E+38",
          "1.7976931348623157E+308",
          "0.1",
          "1E+39",
          "12abc",
          "",
          "1e",
          "--1",
          "1E99999999");

  @Test
  void recordMapperGivesWhatTheJacksonMapperGives() {
    JacksonImageMapper<Sample> jackson = new JacksonImageMapper<>(Sample.class);
    TypeMapping<Sample> mapper = RecordImageMapper.orJackson(Sample.class);
    assertThat(mapper).isInstanceOf(RecordImageMapper.class);
    RecordConverter converter = RecordConverter.of(Sample.class);
    int[] direct = new int[1];

    int checked =
        SeededCases.check(
            1000,
            RecordImageMapperProperties::image,
            image -> String.valueOf(image.keySet()),
            image -> {
              Object expected = outcome(() -> jackson.map(image));
              Object actual = outcome(() -> mapper.map(image));
              if (expected instanceof ImageMappingException e) {
                assertThat(actual).isInstanceOf(ImageMappingException.class);
                ImageMappingException a = (ImageMappingException) actual;
                assertThat(a.attributePath()).isEqualTo(e.attributePath());
                assertThat(a.getMessage()).isEqualTo(e.getMessage());
              } else {
                assertThat(actual)
                    .usingRecursiveComparison()
                    .withStrictTypeChecking()
                    .isEqualTo(expected);
              }
              if (converter.fromM(image) != ValueConverter.FALLBACK) {
                direct[0]++;
              }
            });

    // The property means little if every image took the Jackson path.
    assertThat(direct[0]).as("images mapped without Jackson").isGreaterThan(checked / 5);
  }

  private static Object outcome(Supplier<Object> map) {
    try {
      return map.get();
    } catch (ImageMappingException e) {
      return e;
    }
  }

  static Map<String, AttributeValue> image(Gen gen) {
    // Half the images are clean: every attribute there, well-typed and fitting its component.
    return image(gen, gen.bool());
  }

  static Map<String, AttributeValue> image(Gen gen, boolean clean) {
    double wrong = clean ? 0 : 0.05;
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    put(gen, image, clean, wrong, "s", () -> AttributeValue.fromS(text(gen)));
    for (String integral : List.of("i", "boxedI", "l", "boxedL", "sh", "b", "boxedB")) {
      put(gen, image, clean, wrong, integral, () -> clean ? small(gen) : number(gen));
    }
    for (String exact : List.of("d", "boxedD", "f", "boxedF", "dec")) {
      put(gen, image, clean, wrong, exact, () -> clean ? inRange(gen) : number(gen));
    }
    put(gen, image, clean, wrong, "big", () -> clean ? small(gen) : number(gen));
    put(gen, image, clean, wrong, "flag", () -> AttributeValue.fromBool(gen.bool()));
    put(gen, image, clean, wrong, "boxedFlag", () -> AttributeValue.fromBool(gen.bool()));
    put(gen, image, clean, wrong, "blob", () -> AttributeValue.fromB(bytes(gen)));
    put(
        gen,
        image,
        clean,
        wrong,
        "color",
        () ->
            AttributeValue.fromS(
                clean || gen.chance(0.8) ? gen.oneOf("RED", "GREEN", "BLUE") : "red"));
    put(gen, image, clean, wrong, "names", () -> strings(gen));
    put(gen, image, clean, wrong, "tags", () -> strings(gen));
    put(gen, image, clean, wrong, "scores", () -> numbers(gen, clean ? 1 : 0));
    put(gen, image, clean, wrong, "ints", () -> numbers(gen, clean ? 2 : 0));
    put(
        gen,
        image,
        clean,
        wrong,
        "blobs",
        () -> AttributeValue.fromBs(gen.list(1, 3, () -> bytes(gen))));
    put(
        gen,
        image,
        clean,
        wrong,
        "counts",
        () -> AttributeValue.fromM(map(gen, () -> clean ? small(gen) : number(gen))));
    put(gen, image, clean, wrong, "extra", () -> AttributeValue.fromM(map(gen, () -> any(gen, 2))));
    put(gen, image, clean, wrong, "any", () -> any(gen, 2));
    put(
        gen,
        image,
        clean,
        wrong,
        "mixed",
        () -> AttributeValue.fromL(gen.list(0, 3, () -> any(gen, 2))));
    put(gen, image, clean, wrong, "inner", () -> inner(gen, clean, wrong, 2));
    put(
        gen,
        image,
        clean,
        wrong,
        "inners",
        () -> AttributeValue.fromL(gen.list(0, 3, () -> inner(gen, clean, wrong, 1))));
    put(
        gen,
        image,
        clean,
        wrong,
        "byName",
        () -> AttributeValue.fromM(map(gen, () -> inner(gen, clean, wrong, 1))));
    // Attributes no component reads, now and then one the token writer rejects.
    for (int n = gen.between(0, 2); n > 0; n--) {
      image.put("unknown" + n, clean || gen.chance(0.8) ? any(gen, 2) : broken(gen));
    }
    return image;
  }

  /** Puts a well-typed value, or leaves it out, or puts {@code NULL} or any other value. */
  private static void put(
      Gen gen,
      Map<String, AttributeValue> image,
      boolean clean,
      double wrong,
      String name,
      Supplier<AttributeValue> value) {
    double p = clean ? 1 : gen.between(0, 999) / 1000.0;
    if (p < 0.05) {
      return;
    }
    if (p < 0.08) {
      image.put(name, AttributeValue.fromNul(true));
    } else if (p < 0.08 + wrong) {
      image.put(name, gen.chance(0.9) ? any(gen, 1) : broken(gen));
    } else {
      image.put(name, value.get());
    }
  }

  private static AttributeValue inner(Gen gen, boolean clean, double wrong, int depth) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    put(gen, m, clean, wrong, "label", () -> AttributeValue.fromS(text(gen)));
    put(gen, m, clean, wrong, "n", () -> clean ? small(gen) : number(gen));
    if (depth > 0) {
      put(gen, m, clean, wrong, "next", () -> inner(gen, clean, wrong, depth - 1));
    } else if (clean || gen.chance(0.5)) {
      m.put("next", AttributeValue.fromNul(true));
    }
    if (gen.chance(0.1)) {
      m.put("unread", any(gen, 1));
    }
    return AttributeValue.fromM(m);
  }

  private static String text(Gen gen) {
    return gen.oneOf("", "a", "Rex", "ÆØÅ", "1", "true", "RED");
  }

  private static SdkBytes bytes(Gen gen) {
    byte[] b = new byte[gen.between(0, 4)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) gen.between(-128, 127);
    }
    return SdkBytes.fromByteArray(b);
  }

  private static AttributeValue number(Gen gen) {
    return AttributeValue.fromN(numberText(gen));
  }

  /** An integer that fits a byte, in one of the forms DynamoDB may write it. */
  private static AttributeValue small(Gen gen) {
    return AttributeValue.fromN(
        gen.chance(0.8)
            ? Long.toString(gen.between(-128L, 127L))
            : gen.oneOf("-0", "+5", "007", "3.000", "1E+2", "1e2", "-0.0", "127", "-128"));
  }

  /** A number DynamoDB could have written, so one the token writer accepts. */
  private static AttributeValue inRange(Gen gen) {
    String text;
    do {
      text = numberText(gen);
    } while (NumberTokens.parse(text) == null);
    return AttributeValue.fromN(text);
  }

  private static String numberText(Gen gen) {
    return gen.chance(0.7) ? Long.toString(gen.between(-300L, 300L)) : gen.oneOf(NUMBERS);
  }

  private static AttributeValue strings(Gen gen) {
    List<String> values = gen.uniqueList(1, 4, () -> text(gen));
    return gen.chance(0.8)
        ? AttributeValue.fromSs(values)
        : AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }

  /** Any numbers ({@code 0}), numbers in DynamoDB's range (1) or integers that fit a byte (2). */
  private static AttributeValue numbers(Gen gen, int kind) {
    Supplier<String> text =
        switch (kind) {
          case 1 -> () -> inRange(gen).n();
          case 2 -> () -> small(gen).n();
          default -> () -> numberText(gen);
        };
    List<String> values = gen.uniqueList(1, 4, text);
    return gen.chance(0.8)
        ? AttributeValue.fromNs(values)
        : AttributeValue.fromL(values.stream().map(AttributeValue::fromN).toList());
  }

  private static Map<String, AttributeValue> map(Gen gen, Supplier<AttributeValue> value) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    for (int n = gen.between(0, 3); n > 0; n--) {
      m.put(gen.oneOf("a", "b", "c", "d"), value.get());
    }
    return m;
  }

  /** Any well-formed value of any attribute type. */
  private static AttributeValue any(Gen gen, int depth) {
    int kinds = depth > 0 ? 10 : 8;
    return switch (gen.between(0, kinds - 1)) {
      case 0 -> AttributeValue.fromS(text(gen));
      case 1 -> number(gen);
      case 2 -> AttributeValue.fromB(bytes(gen));
      case 3 -> AttributeValue.fromBool(gen.bool());
      case 4 -> AttributeValue.fromNul(true);
      case 5 -> strings(gen);
      case 6 -> numbers(gen, 1);
      case 7 -> AttributeValue.fromBs(gen.list(1, 2, () -> bytes(gen)));
      case 8 -> AttributeValue.fromL(gen.list(0, 3, () -> any(gen, depth - 1)));
      default -> AttributeValue.fromM(map(gen, () -> any(gen, depth - 1)));
    };
  }

  /** A value the token writer rejects: no type, or a number that is none. */
  private static AttributeValue broken(Gen gen) {
    return switch (gen.between(0, 3)) {
      case 0 -> AttributeValue.builder().build();
      case 1 -> AttributeValue.fromN(gen.oneOf("12abc", "", "1E99999999"));
      case 2 -> AttributeValue.fromNs(new ArrayList<>(List.of("1", "x")));
      default -> AttributeValue.fromL(List.of(AttributeValue.builder().build()));
    };
  }
}
