package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class ImagesProperties {

  @Property(tries = 500)
  void untypedMapsKeepEveryValue(@ForAll("images") Map<String, AttributeValue> image) {
    Map<String, AttributeValue> back = Images.fromMap(Images.toMap(image));

    assertThat(AttributeArbitraries.same(image, back))
        .as("round trip of %s", image.keySet())
        .isTrue();
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

  @Property(tries = 300)
  void jacksonMapperKeepsEveryTypedValue(@ForAll("samples") Sample sample) {
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

  @Property(tries = 500)
  void malformedImagesOnlyEndInImageMappingExceptions(
      @ForAll("corruptedImages") Map<String, AttributeValue> image) {
    Throwable untyped = catchThrowable(() -> Images.toMap(image));
    Throwable typed = catchThrowable(() -> ImageMapper.of(Sample.class).map(image));

    assertThat(untyped).isInstanceOf(ImageMappingException.class);
    if (typed != null) {
      assertThat(typed).isInstanceOf(ImageMappingException.class);
    }
  }

  @Property(tries = 300)
  void arbitraryRawRecordsEitherWrapOrFailWithMalformedRecord(
      @ForAll("eventNames") String eventName,
      @ForAll("sequenceNumbers") String sequenceNumber,
      @ForAll boolean withId) {
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

  @Provide
  Arbitrary<Map<String, AttributeValue>> images() {
    return AttributeArbitraries.images(3);
  }

  @Provide
  Arbitrary<Map<String, AttributeValue>> corruptedImages() {
    Arbitrary<AttributeValue> poison =
        Arbitraries.oneOf(
            Arbitraries.strings()
                .ofMaxLength(6)
                .filter(s -> !s.matches("-?[0-9.Ee+]+"))
                .map(AttributeValue::fromN),
            Arbitraries.just(AttributeValue.builder().build()),
            Arbitraries.strings()
                .alpha()
                .ofMinLength(1)
                .ofMaxLength(4)
                .map(s -> AttributeValue.fromNs(List.of("1", s))));
    return Combinators.combine(
            AttributeArbitraries.images(2), poison, Arbitraries.integers().between(0, 2))
        .as(
            (image, bad, depth) -> {
              AttributeValue nested = bad;
              for (int i = 0; i < depth; i++) {
                nested =
                    i % 2 == 0
                        ? AttributeValue.fromM(Map.of("x", nested))
                        : AttributeValue.fromL(List.of(AttributeValue.fromS("ok"), nested));
              }
              Map<String, AttributeValue> out = new java.util.LinkedHashMap<>(image);
              out.put("poisoned", nested);
              return out;
            });
  }

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<BigDecimal> numbers = AttributeArbitraries.numbers();
    Arbitrary<String> text = AttributeArbitraries.strings();
    Arbitrary<Inner> inner = Combinators.combine(text, numbers.list().ofMaxSize(3)).as(Inner::new);
    return Combinators.combine(
            text,
            numbers,
            numbers.map(n -> n.setScale(0, java.math.RoundingMode.DOWN).toBigIntegerExact()),
            Arbitraries.longs(),
            Arbitraries.of(true, false),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
            text.set().ofMinSize(1).ofMaxSize(3),
            numbers.map(BigDecimal::stripTrailingZeros).set().ofMinSize(1).ofMaxSize(3))
        .flatAs(
            (s, exact, integral, whole, flag, blob, tags, scores) ->
                Combinators.combine(
                        text.list().ofMaxSize(3),
                        Arbitraries.maps(
                                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4),
                                numbers)
                            .ofMaxSize(3),
                        inner)
                    .as(
                        (names, weights, in) ->
                            new Sample(
                                s, exact, integral, whole, flag, blob, tags, scores, names, weights,
                                in)));
  }

  @Provide
  Arbitrary<String> eventNames() {
    return Arbitraries.oneOf(
        Arbitraries.of("INSERT", "MODIFY", "REMOVE", "EXPIRE", "insert", ""),
        Arbitraries.strings().ofMaxLength(8));
  }

  @Provide
  Arbitrary<String> sequenceNumbers() {
    return Arbitraries.oneOf(
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
        Arbitraries.strings().ofMaxLength(8));
  }
}
