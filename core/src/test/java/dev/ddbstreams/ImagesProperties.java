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
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Round trips of images through {@link Images} and {@link ImageMapper}, and malformed input that
 * must end in the library's typed exceptions; seeded, see {@link SeededCases}. {@code
 * ImagesFuzzTest} fuzzes the malformed-input properties as well.
 */
class ImagesProperties {

  @Test
  void untypedMapsKeepEveryValue() {
    SeededCases.check(
        500,
        gen -> AttributeGen.image(gen, 3),
        AttributeGen::shape,
        image -> {
          Map<String, AttributeValue> back = Images.fromMap(Images.toMap(image));

          assertThat(AttributeGen.same(image, back))
              .as("round trip of %s", image.keySet())
              .isTrue();
        });
  }

  record Sample(
      String s,
      BigDecimal exact,
      BigInteger integral,
      long whole,
      boolean flag,
      byte[] blob,
      Set<String> tags,
      Set<BigDecimal> scores,
      List<String> names,
      Map<String, BigDecimal> weights,
      Inner inner) {}

  record Inner(String label, List<BigDecimal> values) {}

  @Test
  void jacksonMapperKeepsEveryTypedValue() {
    SeededCases.check(
        300,
        ImagesProperties::sample,
        sample -> sample + " with blob " + Arrays.toString(sample.blob()),
        this::mapsEveryValue);
  }

  private void mapsEveryValue(Sample sample) {
    Map<String, AttributeValue> image =
        Images.fromMap(
            Map.ofEntries(
                Map.entry("s", sample.s()),
                Map.entry("exact", sample.exact()),
                Map.entry("integral", sample.integral()),
                Map.entry("whole", sample.whole()),
                Map.entry("flag", sample.flag()),
                Map.entry("blob", sample.blob()),
                Map.entry("tags", sample.tags()),
                Map.entry("scores", sample.scores()),
                Map.entry("names", sample.names()),
                Map.entry("weights", sample.weights()),
                Map.entry(
                    "inner",
                    Map.of("label", sample.inner().label(), "values", sample.inner().values()))));

    Sample mapped = ImageMapper.of(Sample.class).map(image);

    assertThat(mapped.s()).isEqualTo(sample.s());
    assertThat(mapped.exact()).isEqualByComparingTo(sample.exact());
    assertThat(mapped.integral()).isEqualTo(sample.integral());
    assertThat(mapped.whole()).isEqualTo(sample.whole());
    assertThat(mapped.flag()).isEqualTo(sample.flag());
    assertThat(mapped.blob()).isEqualTo(sample.blob());
    assertThat(mapped.tags()).isEqualTo(sample.tags());
    assertThat(mapped.scores())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyInAnyOrderElementsOf(sample.scores());
    assertThat(mapped.names()).isEqualTo(sample.names());
    assertThat(mapped.weights().keySet()).isEqualTo(sample.weights().keySet());
    sample.weights().forEach((k, v) -> assertThat(mapped.weights().get(k)).isEqualByComparingTo(v));
    assertThat(mapped.inner().label()).isEqualTo(sample.inner().label());
    assertThat(mapped.inner().values())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactlyElementsOf(sample.inner().values());
  }

  @Test
  void malformedImagesOnlyEndInImageMappingExceptions() {
    SeededCases.check(
        500,
        ImagesProperties::corruptedImage,
        AttributeGen::shape,
        ImagesProperties::endsInImageMappingException);
  }

  /** The property, shared with {@code ImagesFuzzTest}: the image is malformed somewhere. */
  static void endsInImageMappingException(Map<String, AttributeValue> image) {
    Throwable untyped = catchThrowable(() -> Images.toMap(image));
    Throwable typed = catchThrowable(() -> ImageMapper.of(Sample.class).map(image));

    assertThat(untyped).isInstanceOf(ImageMappingException.class);
    if (typed != null) {
      assertThat(typed).isInstanceOf(ImageMappingException.class);
    }
  }

  /** The parts of a raw record that decide whether it is well-formed. */
  record RawRecord(String eventName, String sequenceNumber, boolean withId) {}

  @Test
  void arbitraryRawRecordsEitherWrapOrFailWithMalformedRecord() {
    SeededCases.check(
        300,
        gen -> new RawRecord(eventName(gen), sequenceNumber(gen), gen.bool()),
        RawRecord::toString,
        r -> wrapsOrFailsWithMalformedRecord(r.eventName(), r.sequenceNumber(), r.withId()));
  }

  /** The property, shared with {@code StreamRecordFuzzTest}. */
  static void wrapsOrFailsWithMalformedRecord(
      String eventName, String sequenceNumber, boolean withId) {
    Record raw =
        Record.builder()
            .eventID(withId ? "id" : null)
            .eventName(eventName)
            .dynamodb(
                software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
                    .sequenceNumber(sequenceNumber)
                    .build())
            .build();

    Throwable thrown = catchThrowable(() -> StreamRecord.of(raw, Map.class));

    boolean valid =
        withId
            && List.of("INSERT", "MODIFY", "REMOVE").contains(eventName)
            && sequenceNumber.matches("[0-9]+");
    if (valid) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(MalformedRecordException.class);
    }
  }

  // ---- generators ----

  static Map<String, AttributeValue> corruptedImage(Gen gen) {
    Map<String, AttributeValue> image = new LinkedHashMap<>(AttributeGen.image(gen, 2));
    AttributeValue nested = poison(gen);
    int depth = gen.between(0, 2);
    for (int i = 0; i < depth; i++) {
      nested =
          i % 2 == 0
              ? AttributeValue.fromM(Map.of("x", nested))
              : AttributeValue.fromL(List.of(AttributeValue.fromS("ok"), nested));
    }
    image.put("poisoned", nested);
    return image;
  }

  /** A value no image may hold: a number that is not one, no type, a set with a non-number. */
  private static AttributeValue poison(Gen gen) {
    return gen.draw(
        () -> AttributeValue.fromN(notANumber(gen)),
        () -> AttributeValue.builder().build(),
        () -> AttributeValue.fromNs(List.of("1", gen.letters(1, 4))));
  }

  private static String notANumber(Gen gen) {
    while (true) {
      String s = gen.anyString(6);
      if (!s.matches("-?[0-9.Ee+]+") && !isNumber(s)) {
        return s;
      }
    }
  }

  /** An oracle apart from the production parser: ASCII, and {@code BigDecimal} reads it. */
  static boolean isNumber(String s) {
    if (!s.chars().allMatch(c -> c < 0x80)) {
      return false;
    }
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static Sample sample(Gen gen) {
    return new Sample(
        AttributeGen.string(gen),
        AttributeGen.number(gen),
        AttributeGen.number(gen).setScale(0, RoundingMode.DOWN).toBigIntegerExact(),
        gen.anyLong(),
        gen.bool(),
        gen.bytes(8),
        gen.set(1, 3, () -> AttributeGen.string(gen)),
        gen.set(1, 3, () -> AttributeGen.number(gen).stripTrailingZeros()),
        gen.list(0, 3, () -> AttributeGen.string(gen)),
        weights(gen),
        new Inner(AttributeGen.string(gen), gen.list(0, 3, () -> AttributeGen.number(gen))));
  }

  private static Map<String, BigDecimal> weights(Gen gen) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    for (String name : gen.uniqueList(0, 3, () -> gen.letters(1, 4))) {
      weights.put(name, AttributeGen.number(gen));
    }
    return weights;
  }

  static String eventName(Gen gen) {
    return gen.bool()
        ? gen.oneOf("INSERT", "MODIFY", "REMOVE", "EXPIRE", "insert", "")
        : gen.anyString(8);
  }

  static String sequenceNumber(Gen gen) {
    return gen.bool() ? gen.digits(1, 40) : gen.anyString(8);
  }
}
