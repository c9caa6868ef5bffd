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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.diff.AttributeChange;
import dev.ddbstreams.diff.AttributeChange.Kind;
import dev.ddbstreams.diff.ImageDiff;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ImageDiffTest {

  @Test
  void equalImagesGiveAnEmptyDiff() {
    Map<String, AttributeValue> image = Map.of("name", s("Rex"), "weightKg", n("12"));
    ImageDiff diff = ImageDiff.between(image, Map.copyOf(image));

    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.changes()).isEmpty();
    assertThat(diff.changed("name")).isFalse();
    assertThat(diff).hasToString("ImageDiff[]");
  }

  @Test
  void reportsAddedRemovedAndChangedTopLevelAttributes() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("name", s("Rex"), "color", s("brown"), "age", n("3")),
            Map.of("name", s("Rex"), "color", s("black"), "chip", s("X1")));

    assertThat(diff.addedPaths()).containsExactly("chip");
    assertThat(diff.removedPaths()).containsExactly("age");
    assertThat(diff.changedPaths()).containsExactly("color");
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void nestedMapsRecurseToTheChangedEntry() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("address", m("city", s("Oslo"), "zip", s("0150"), "geo", m("lat", n("59")))),
            Map.of("address", m("city", s("Bergen"), "zip", s("0150"), "geo", m("lat", n("60")))));

    assertThat(diff.changedPaths()).containsExactly("address.city", "address.geo.lat");
    assertThat(diff.changes().get(0).oldValue()).contains(s("Oslo"));
    assertThat(diff.changes().get(0).newValue()).contains(s("Bergen"));
  }

  @Test
  void growingListAddsTrailingIndexes() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("tags", l(s("a"), s("b"))), Map.of("tags", l(s("a"), s("B"), s("c"), s("d"))));

    assertThat(diff.changedPaths()).containsExactly("tags[1]");
    assertThat(diff.addedPaths()).containsExactly("tags[2]", "tags[3]");
    assertThat(diff.removedPaths()).isEmpty();
  }

  @Test
  void shrinkingListRemovesTrailingIndexes() {
    ImageDiff diff =
        ImageDiff.between(Map.of("tags", l(s("a"), s("b"), s("c"))), Map.of("tags", l(s("a"))));

    assertThat(diff.removedPaths()).containsExactly("tags[1]", "tags[2]");
    assertThat(diff.changes())
        .extracting(AttributeChange::kind)
        .containsExactly(Kind.REMOVED, Kind.REMOVED);
  }

  @Test
  void listIndexesSortNumerically() {
    List<AttributeValue> twelve = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      twelve.add(n(Integer.toString(i)));
    }
    ImageDiff diff =
        ImageDiff.between(
            Map.of("xs", AttributeValue.fromL(List.of())),
            Map.of("xs", AttributeValue.fromL(twelve)));

    assertThat(diff.addedPaths())
        .startsWith("xs[0]", "xs[1]", "xs[2]")
        .endsWith("xs[10]", "xs[11]");
  }

  @Test
  void listElementsThatAreMapsRecurse() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("visits", l(m("vet", s("Ann")), m("vet", s("Bo")))),
            Map.of("visits", l(m("vet", s("Ann")), m("vet", s("Cy"), "paid", bool(true)))));

    assertThat(diff.changedPaths()).containsExactly("visits[1].vet");
    assertThat(diff.addedPaths()).containsExactly("visits[1].paid");
  }

  @Test
  void setsCompareAsSets() {
    ImageDiff reordered =
        ImageDiff.between(
            Map.of(
                "ss", AttributeValue.fromSs(List.of("a", "b", "c")),
                "ns", AttributeValue.fromNs(List.of("1", "2.50")),
                "bs", AttributeValue.fromBs(List.of(bytes(1), bytes(2)))),
            Map.of(
                "ss", AttributeValue.fromSs(List.of("c", "a", "b")),
                "ns", AttributeValue.fromNs(List.of("2.5", "1.0")),
                "bs", AttributeValue.fromBs(List.of(bytes(2), bytes(1)))));
    assertThat(reordered.isEmpty()).isTrue();

    ImageDiff different =
        ImageDiff.between(
            Map.of("ss", AttributeValue.fromSs(List.of("a", "b")), "ns", ns("1", "2")),
            Map.of("ss", AttributeValue.fromSs(List.of("a", "b", "c")), "ns", ns("1", "3")));
    assertThat(different.changes())
        .extracting(AttributeChange::path, AttributeChange::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ns", Kind.CHANGED),
            org.assertj.core.groups.Tuple.tuple("ss", Kind.CHANGED));
  }

  @Test
  void numbersCompareByValue() {
    ImageDiff same =
        ImageDiff.between(
            Map.of("a", n("1.0"), "b", n("1E+2"), "c", n("-0"), "d", n("0.10")),
            Map.of("a", n("1"), "b", n("100"), "c", n("0"), "d", n("1E-1")));
    assertThat(same.isEmpty()).isTrue();

    ImageDiff different = ImageDiff.between(Map.of("a", n("1.0")), Map.of("a", n("1.01")));
    assertThat(different.changedPaths()).containsExactly("a");
  }

  @Test
  void binariesCompareByContent() {
    ImageDiff same =
        ImageDiff.between(
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))),
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))));
    assertThat(same.isEmpty()).isTrue();

    ImageDiff different =
        ImageDiff.between(
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3}))),
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 4}))));
    assertThat(different.changedPaths()).containsExactly("b");
  }

  @Test
  void typeChangeIsOneChangeWithoutRecursion() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("age", s("3"), "address", m("city", s("Oslo")), "flag", nul()),
            Map.of("age", n("3"), "address", s("Oslo"), "flag", bool(false)));

    assertThat(diff.changedPaths()).containsExactly("address", "age", "flag");
    assertThat(diff.addedPaths()).isEmpty();
    assertThat(diff.removedPaths()).isEmpty();
  }

  @Test
  void emptyOldImageAddsEveryAttribute() {
    ImageDiff diff = ImageDiff.between(Map.of(), Map.of("b", s("x"), "a", m("c", n("1"))));

    assertThat(diff.addedPaths()).containsExactly("a", "b");
    assertThat(diff.changed("a.c")).isTrue();
    assertThat(diff.oldValue("a")).isEmpty();
  }

  @Test
  void emptyNewImageRemovesEveryAttribute() {
    ImageDiff diff = ImageDiff.between(Map.of("b", s("x"), "a", n("1")), Map.of());

    assertThat(diff.removedPaths()).containsExactly("a", "b");
    assertThat(diff.newValue("a")).isEmpty();
    assertThat(diff.oldNumber("a")).contains(BigDecimal.ONE);
  }

  @Test
  void oddAttributeNamesAreBacktickQuoted() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("a.b", n("1"), "m", m("x`y", n("1"), "[0]", n("1"), "", n("1"))),
            Map.of("a.b", n("2"), "m", m("x`y", n("2"), "[0]", n("2"), "", n("2"))));

    assertThat(diff.changedPaths()).containsExactly("`a.b`", "m.``", "m.`[0]`", "m.`x``y`");
    assertThat(diff.changed("`a.b`")).isTrue();
    assertThat(diff.changed(ImageDiff.path("m", "x`y"))).isTrue();
    assertThat(diff.newNumber("m.`x``y`")).contains(new BigDecimal("2"));
    assertThat(diff.oldValue("a")).isEmpty();
  }

  @Test
  void pathQuotesOnlyNamesThatNeedIt() {
    assertThat(ImageDiff.path("address", "city")).isEqualTo("address.city");
    assertThat(ImageDiff.path("a.b", "c")).isEqualTo("`a.b`.c");
    assertThat(ImageDiff.path("x`y")).isEqualTo("`x``y`");
    assertThat(ImageDiff.path("list[0]")).isEqualTo("`list[0]`");
    assertThat(ImageDiff.path("has space")).isEqualTo("has space");
  }

  @Test
  void quotedPlainNamesMeanTheSameAttribute() {
    ImageDiff diff = ImageDiff.between(Map.of("weightKg", n("10")), Map.of("weightKg", n("11")));

    assertThat(diff.changed("`weightKg`")).isTrue();
  }

  @Test
  void changedIsTrueForTheChangedPathItsAncestorsAndDescendantsThatExist() {
    ImageDiff nested =
        ImageDiff.between(
            Map.of("address", m("city", s("Oslo"), "zip", s("0150"))),
            Map.of("address", m("city", s("Bergen"), "zip", s("0150"))));
    assertThat(nested.changed("address.city")).isTrue();
    assertThat(nested.changed("address")).isTrue();
    assertThat(nested.changed("address.zip")).isFalse();
    assertThat(nested.changed("address.city.more")).isFalse();
    assertThat(nested.changed("name")).isFalse();

    ImageDiff replaced =
        ImageDiff.between(
            Map.of("address", m("city", s("Oslo"))), Map.of("address", s("Oslo, Norway")));
    assertThat(replaced.changed("address.city")).isTrue();
    assertThat(replaced.changed("address.street")).isFalse();
  }

  @Test
  void changedCoversListElements() {
    ImageDiff diff =
        ImageDiff.between(Map.of("tags", l(s("a"), s("b"))), Map.of("tags", l(s("a"), s("c"))));

    assertThat(diff.changed("tags")).isTrue();
    assertThat(diff.changed("tags[1]")).isTrue();
    assertThat(diff.changed("tags[0]")).isFalse();
  }

  @Test
  void valuesAreReadableAtUnchangedPaths() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("name", s("Rex"), "visits", l(m("vet", s("Ann")))),
            Map.of("name", s("Rex"), "visits", l(m("vet", s("Ann"))), "age", n("4")));

    assertThat(diff.oldString("name")).contains("Rex");
    assertThat(diff.newString("visits[0].vet")).contains("Ann");
    assertThat(diff.newValue("visits[1]")).isEmpty();
    assertThat(diff.newString("age")).isEmpty();
    assertThat(diff.newNumber("name")).isEmpty();
  }

  @Test
  void numberDeltaIsNewMinusOld() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("weightKg", n("10.5"), "name", s("Rex"), "age", n("3")),
            Map.of("weightKg", n("8"), "name", n("1"), "age", n("3.0")));

    assertThat(diff.numberDelta("weightKg")).contains(new BigDecimal("-2.5"));
    assertThat(diff.numberDelta("age").orElseThrow()).isZero();
    assertThat(diff.numberDelta("name")).isEmpty();
    assertThat(diff.numberDelta("missing")).isEmpty();
  }

  @Test
  void numberChangedByMoreThanComparesTheAbsoluteDelta() {
    Map<String, AttributeValue> before = Map.of("weightKg", n("10"));

    assertThat(diff(before, "weightKg", "12.5").numberChangedByMoreThan("weightKg", 2)).isTrue();
    assertThat(diff(before, "weightKg", "7.5").numberChangedByMoreThan("weightKg", 2)).isTrue();
    assertThat(diff(before, "weightKg", "12").numberChangedByMoreThan("weightKg", 2)).isFalse();
    assertThat(
            diff(before, "weightKg", "10.2")
                .numberChangedByMoreThan("weightKg", new BigDecimal("0.1")))
        .isTrue();
    assertThat(
            ImageDiff.between(Map.of(), Map.of("weightKg", n("99")))
                .numberChangedByMoreThan("weightKg", 2))
        .isFalse();
    assertThatThrownBy(() -> diff(before, "weightKg", "1").numberChangedByMoreThan("weightKg", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStreamGuideOneLinerReadsTheDelta() {
    ImageDiff diff = diff(Map.of("weightKg", n("10")), "weightKg", "13");

    assertThat(
            diff.numberDelta("weightKg")
                .map(BigDecimal::abs)
                .filter(d -> d.compareTo(BigDecimal.valueOf(2)) > 0)
                .isPresent())
        .isTrue();
  }

  @Test
  void toStringListsKindsAndPathsButNeverValues() {
    String secret = "4111-1111-1111-1111";
    ImageDiff diff =
        ImageDiff.between(
            Map.of("card", s(secret), "old", m("pin", s(secret))),
            Map.of("card", s(secret + "x"), "tags", l(s(secret))));

    assertThat(diff.toString())
        .isEqualTo("ImageDiff[CHANGED card, REMOVED old, ADDED tags]")
        .doesNotContain(secret);
    assertThat(diff.changes()).allSatisfy(c -> assertThat(c.toString()).doesNotContain(secret));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", ".a", "a.", "a..b", "a[", "a[]", "a[x]", "a[1", "[0]", "`a", "a`b", "`a`b", "a]"
      })
  void malformedPathsAreRejectedNamingThePath(String path) {
    ImageDiff diff = ImageDiff.between(Map.of("a", s("x")), Map.of("a", s("y")));

    assertThatThrownBy(() -> diff.changed(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + path + "\"");
    assertThatThrownBy(() -> diff.oldValue(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedPathIsRejectedEvenWhenNothingChanged() {
    ImageDiff diff = ImageDiff.between(Map.of(), Map.of());

    assertThatThrownBy(() -> diff.changed("a..b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void applyToTheOldImageGivesTheNewImage() {
    Map<String, AttributeValue> before =
        Map.of(
            "name", s("Rex"),
            "tags", l(s("a"), s("b"), s("c")),
            "address", m("city", s("Oslo"), "zip", s("0150")),
            "age", n("3"));
    Map<String, AttributeValue> after =
        Map.of(
            "name", s("Rex"),
            "tags", l(s("a"), m("k", s("v"))),
            "address", m("city", s("Bergen")),
            "chip", s("X1"));
    ImageDiff diff = ImageDiff.between(before, after);

    Map<String, AttributeValue> patched = diff.applyTo(before);

    assertThat(ImageDiff.between(patched, after).isEmpty()).isTrue();
    assertThat(patched).isEqualTo(after);
    assertThat(before).containsKey("age");
  }

  @Test
  void applyToRejectsAnImageTheDiffDoesNotFitNamingThePath() {
    ImageDiff diff =
        ImageDiff.between(
            Map.of("address", m("city", s("Oslo"))), Map.of("address", m("city", s("Bergen"))));

    assertThatThrownBy(() -> diff.applyTo(Map.of("address", s("Oslo"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("address.city")
        .hasMessageNotContaining("Bergen");
  }

  @Test
  void sameValueComparesByValue() {
    assertThat(ImageDiff.sameValue(m("a", n("1.0")), m("a", n("1")))).isTrue();
    assertThat(ImageDiff.sameValue(l(n("1"), n("2")), l(n("2"), n("1")))).isFalse();
    assertThat(ImageDiff.sameValue(ns("1", "2"), ns("2.0", "1"))).isTrue();
    assertThat(ImageDiff.sameValue(s("1"), n("1"))).isFalse();
    assertThat(ImageDiff.sameValue(m("a", n("1")), m("a", n("1"), "b", n("1")))).isFalse();
  }

  @Test
  void attributeChangeCarriesPathKindAndValues() {
    AttributeChange change = ImageDiff.between(Map.of(), Map.of("a", n("1"))).changes().get(0);

    assertThat(change.path()).isEqualTo("a");
    assertThat(change.kind()).isEqualTo(Kind.ADDED);
    assertThat(change.oldValue()).isEmpty();
    assertThat(change.newValue()).contains(n("1"));
    assertThat(change)
        .isEqualTo(ImageDiff.between(Map.of(), Map.of("a", n("1.0"))).changes().get(0))
        .isNotEqualTo(ImageDiff.between(Map.of(), Map.of("a", n("2"))).changes().get(0));
  }

  @Test
  void notANumberIsReportedByPathWithoutTheValue() {
    ImageDiff diff = ImageDiff.between(Map.of("a", n("secret-text")), Map.of("a", n("1")));

    assertThat(diff.changedPaths()).containsExactly("a");
    assertThatThrownBy(() -> diff.oldNumber("a"))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'a'")
        .hasMessageNotContaining("secret-text");
  }

  private static ImageDiff diff(Map<String, AttributeValue> before, String name, String number) {
    Map<String, AttributeValue> after = new LinkedHashMap<>(before);
    after.put(name, n(number));
    return ImageDiff.between(before, after);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeValue ns(String... values) {
    return AttributeValue.fromNs(List.of(values));
  }

  private static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  private static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  private static SdkBytes bytes(int b) {
    return SdkBytes.fromByteArray(new byte[] {(byte) b});
  }

  private static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  private static AttributeValue m(Object... keysAndValues) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
    }
    return AttributeValue.fromM(map);
  }
}
