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
package dev.ddbstreams.emulator.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ValuesEqualTest {

  private static AttributeValue n(String n) {
    return AttributeValue.fromN(n);
  }

  @Test
  void numbersAreEqualByValue() {
    assertThat(Values.equal(n("1.0"), n("1"))).isTrue();
    assertThat(Values.equal(n("1E+2"), n("100.00"))).isTrue();
    assertThat(Values.equal(n("-0"), n("0"))).isTrue();
    assertThat(Values.equal(n("1"), n("1.000000000000000000000000000000000001"))).isFalse();
  }

  @Test
  void differentTypesAreNeverEqual() {
    assertThat(Values.equal(AttributeValue.fromS("1"), n("1"))).isFalse();
    assertThat(Values.equal(AttributeValue.fromNs(List.of("1")), n("1"))).isFalse();
    assertThat(Values.equal(AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of())))
        .isFalse();
  }

  @Test
  void setsAreEqualRegardlessOfOrderAndNumberSpelling() {
    assertThat(
            Values.equal(
                AttributeValue.fromNs(List.of("1", "2.5")),
                AttributeValue.fromNs(List.of("2.50", "1.0"))))
        .isTrue();
    assertThat(
            Values.equal(
                AttributeValue.fromSs(List.of("a", "b")), AttributeValue.fromSs(List.of("b", "a"))))
        .isTrue();
    SdkBytes one = SdkBytes.fromByteArray(new byte[] {1});
    SdkBytes two = SdkBytes.fromByteArray(new byte[] {2});
    assertThat(
            Values.equal(
                AttributeValue.fromBs(List.of(one, two)),
                AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {2}), one))))
        .isTrue();
    assertThat(
            Values.equal(AttributeValue.fromBs(List.of(one)), AttributeValue.fromBs(List.of(two))))
        .isFalse();
  }

  @Test
  void listsCompareInOrderAndMapsByKey() {
    AttributeValue list = AttributeValue.fromL(List.of(n("1"), AttributeValue.fromS("x")));
    assertThat(
            Values.equal(list, AttributeValue.fromL(List.of(n("1.0"), AttributeValue.fromS("x")))))
        .isTrue();
    assertThat(Values.equal(list, AttributeValue.fromL(List.of(AttributeValue.fromS("x"), n("1")))))
        .isFalse();
    AttributeValue map = AttributeValue.fromM(Map.of("a", list, "b", AttributeValue.fromNul(true)));
    assertThat(
            Values.equal(
                map, AttributeValue.fromM(Map.of("b", AttributeValue.fromNul(true), "a", list))))
        .isTrue();
    assertThat(Values.equal(map, AttributeValue.fromM(Map.of("a", list)))).isFalse();
  }
}
