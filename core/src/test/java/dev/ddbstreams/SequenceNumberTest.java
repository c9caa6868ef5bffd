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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceNumberTest {

  @Test
  void ordersByNumericValueAcrossLengths() {
    List<SequenceNumber> sorted = new ArrayList<>();
    for (String s : List.of("120", "9", "10", "1000000000000000000000000000000000000000", "99")) {
      sorted.add(SequenceNumber.of(s));
    }
    sorted.sort(null);

    assertThat(sorted)
        .extracting(SequenceNumber::toString)
        .containsExactly("9", "10", "99", "120", "1000000000000000000000000000000000000000");
  }

  @Test
  void comparesDigitByDigitWhenLengthsAreEqual() {
    assertThat(SequenceNumber.of("4100000000000000000001"))
        .isLessThan(SequenceNumber.of("4100000000000000000002"))
        .isGreaterThan(SequenceNumber.of("4099999999999999999999"));
  }

  @Test
  void leadingZerosDoNotCountInTheOrderButStayInTheText() {
    SequenceNumber padded = SequenceNumber.of("0009");
    SequenceNumber plain = SequenceNumber.of("9");

    assertThat(padded).isEqualByComparingTo(plain).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(padded).hasToString("0009");
    assertThat(SequenceNumber.of("010")).isGreaterThan(SequenceNumber.of("9"));
    assertThat(SequenceNumber.of("0000")).isEqualTo(SequenceNumber.of("0"));
    assertThat(SequenceNumber.of("0")).isLessThan(SequenceNumber.of("00001"));
  }

  @Test
  void toStringIsTheTextExactlyAsSent() {
    String sent = "4100000000018867439218";

    assertThat(SequenceNumber.of(sent).toString()).isSameAs(sent);
  }

  @Test
  void toBigIntegerIsTheNumericValue() {
    assertThat(SequenceNumber.of("00123456789012345678901234567890").toBigInteger())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void rejectsTextThatIsNotDigitsNamingThePosition() {
    assertThatThrownBy(() -> SequenceNumber.of("12a4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "A sequence number must be decimal digits; got \"12a4\", which has a non-digit at"
                + " position 2");
    assertThatThrownBy(() -> SequenceNumber.of(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got \"\"");
    assertThatThrownBy(() -> SequenceNumber.of("-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 0");
    assertThatThrownBy(() -> SequenceNumber.of(" 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 0");
    assertThatThrownBy(() -> SequenceNumber.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sequence number");
  }

  @Test
  void longInvalidTextIsDescribedByItsLengthOnly() {
    String huge = "1".repeat(100) + "x";

    assertThatThrownBy(() -> SequenceNumber.of(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a text of 101 characters")
        .hasMessageContaining("position 100")
        .message()
        .doesNotContain("111111");
  }

  @Test
  void parseOrNullTakesOnlyDigits() {
    assertThat(SequenceNumber.parseOrNull(null)).isNull();
    assertThat(SequenceNumber.parseOrNull("")).isNull();
    assertThat(SequenceNumber.parseOrNull("12x")).isNull();
    assertThat(SequenceNumber.parseOrNull("12")).hasToString("12");
  }

  @Test
  void orderEqualityAndHashAgreeWithBigIntegerOnRandomDigitStrings() {
    SeededCases.check(
        2000,
        gen -> {
          // Leading zeros in a quarter of the cases; lengths 1 to 45 so that lengths cross.
          String a = gen.string("0", 0, gen.chance(0.25) ? 3 : 0) + gen.digits(1, 45);
          String b =
              gen.chance(0.2)
                  ? gen.string("0", 0, 2) + a
                  : gen.string("0", 0, gen.chance(0.25) ? 3 : 0) + gen.digits(1, 45);
          return List.of(a, b);
        },
        pair -> pair.get(0) + " vs " + pair.get(1),
        pair -> {
          SequenceNumber a = SequenceNumber.of(pair.get(0));
          SequenceNumber b = SequenceNumber.of(pair.get(1));
          int expected = new BigInteger(pair.get(0)).compareTo(new BigInteger(pair.get(1)));
          assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(expected));
          assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-Integer.signum(expected));
          assertThat(a.equals(b)).isEqualTo(expected == 0);
          if (expected == 0) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
          }
          assertThat(a.toBigInteger()).isEqualTo(new BigInteger(pair.get(0)));
        });
  }
}
