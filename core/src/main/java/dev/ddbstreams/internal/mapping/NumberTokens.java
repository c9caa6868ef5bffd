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

import java.math.BigDecimal;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The number an {@code N} attribute becomes before it is bound to a field: a {@code Long} if it is
 * integral and fits, a {@code BigInteger} if it is integral and does not, a {@code BigDecimal}
 * otherwise. Both mappers of Java types go through this one rule, so a value never depends on which
 * of them mapped it.
 */
final class NumberTokens {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private NumberTokens() {}

  /**
   * DynamoDB stores magnitudes from 1E-130 to below 1E+126; anything else did not come from it, and
   * turning 1E99999999 into an integer would take minutes or overflow.
   */
  static boolean inDynamoDbRange(BigDecimal number) {
    if (number.signum() == 0) {
      return true;
    }
    int exponent = number.precision() - number.scale() - 1;
    return exponent <= 125 && exponent >= -130;
  }

  /** The token of a number in DynamoDB's range: {@code Long}, {@code BigInteger} or itself. */
  static Number of(BigDecimal number) {
    if (number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0) {
      if (number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0) {
        return number.longValueExact();
      }
      return number.toBigIntegerExact();
    }
    return number;
  }

  /**
   * The token of an {@code N} attribute's text.
   *
   * @return the token, or {@code null} if the text is not a number in DynamoDB's range
   */
  static @Nullable Number parse(@Nullable String text) {
    Long small = plainLong(text);
    if (small != null) {
      return small;
    }
    BigDecimal number = DynamoNumbers.parse(text);
    if (number == null || !inDynamoDbRange(number)) {
      return null;
    }
    return of(number);
  }

  /**
   * The common case without a {@code BigDecimal}: an optional sign and up to 18 ASCII digits is
   * always an integral {@code long} well inside DynamoDB's range, the token {@link #of} gives it.
   */
  private static @Nullable Long plainLong(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int length = text.length();
    int start = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (length == start || length - start > 18) {
      return null;
    }
    long value = 0;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return text.charAt(0) == '-' ? -value : value;
  }

  /** A token as the {@code BigInteger} Jackson reads from it, or {@code null} if not integral. */
  static @Nullable BigInteger bigInteger(Number token) {
    if (token instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    return token instanceof BigInteger b ? b : null;
  }

  /** A token as the {@code BigDecimal} Jackson reads from it. */
  static BigDecimal bigDecimal(Number token) {
    if (token instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return token instanceof BigInteger b ? new BigDecimal(b) : (BigDecimal) token;
  }
}
