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

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.math.BigDecimal;

/**
 * DynamoDB's number rules: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126,
 * exact arithmetic, and the canonical text the service answers with (no exponent, no trailing
 * zeros: {@code "1.50"} is stored as {@code "1.5"}, {@code "1E+2"} as {@code "100"}).
 */
public final class Numbers {

  private static final BigDecimal MAX = new BigDecimal("1E+126");
  private static final BigDecimal MIN = new BigDecimal("1E-130");

  private Numbers() {}

  /**
   * Parses and checks a number as the service does on input.
   *
   * @throws AwsException a {@code ValidationException} for text that is not a number or is out of
   *     the service's range or precision
   */
  public static BigDecimal parse(String text) {
    if (text.isEmpty() || text.length() > 200 || !isAsciiNumber(text)) {
      throw AwsException.validation(
          "The parameter cannot be converted to a numeric value: a number attribute holds text that"
              + " is not a number");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw AwsException.validation(
          "The parameter cannot be converted to a numeric value: a number attribute holds text that"
              + " is not a number");
    }
    return check(value);
  }

  /** Checks a computed number against the service's range and precision. */
  public static BigDecimal check(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    // Range before precision: the service reports 9.99...9E+125 + 1E+125 as an overflow, not as
    // the 39 digits the exact sum has.
    BigDecimal abs = stripped.abs();
    if (abs.compareTo(MAX) >= 0) {
      throw AwsException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported"
              + " range");
    }
    if (abs.compareTo(MIN) < 0) {
      throw AwsException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported"
              + " range");
    }
    if (stripped.precision() > 38) {
      throw AwsException.validation(
          "Attempting to store more than 38 significant digits in a Number");
    }
    return stripped;
  }

  /** Parses, checks and returns the canonical text of a number. */
  public static String canonical(String text) {
    return toText(parse(text));
  }

  /** The canonical text of a checked number. */
  public static String toText(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  /** Adds two number texts exactly, checking the result. */
  public static String add(String a, String b) {
    return toText(check(parse(a).add(parse(b))));
  }

  /** Subtracts {@code b} from {@code a} exactly, checking the result. */
  public static String subtract(String a, String b) {
    return toText(check(parse(a).subtract(parse(b))));
  }

  /** Compares two number texts by value. */
  public static int compare(String a, String b) {
    return new BigDecimal(a).compareTo(new BigDecimal(b));
  }

  private static boolean isAsciiNumber(String s) {
    // BigDecimal accepts non-ASCII digits; the service does not.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }
}
