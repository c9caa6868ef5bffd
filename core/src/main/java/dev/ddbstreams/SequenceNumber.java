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

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The sequence number of a stream record: a decimal number of up to 40 digits that orders the
 * changes of one shard.
 *
 * <p>Sequence numbers differ in length, so their text does not sort: {@code "9"} is before {@code
 * "10"}. Compare them with {@link #compareTo}, which orders by numeric value without building a
 * {@code BigInteger}. {@link #toString()} returns the text exactly as it was sent, which is what
 * Lambda's {@code batchItemFailures} and KCL checkpoints take back.
 *
 * <p>Equality is numeric, consistent with {@link #compareTo}: {@code of("007")} equals {@code
 * of("7")}, though their {@code toString()} differ. (Stream sequence numbers have no leading zeros,
 * so the case arises only with hand-written values.) Immutable and thread-safe.
 *
 * <pre>{@code
 * if (change.sequenceNumber().compareTo(lastApplied) > 0) { ... }
 * }</pre>
 */
public final class SequenceNumber implements Comparable<SequenceNumber> {
  /** Text this long or shorter is quoted whole in an error message; longer text only by length. */
  private static final int QUOTED_LENGTH = 64;

  private final String text;

  /** Index of the first significant digit: the last digit when all are zeros. */
  private final int start;

  private SequenceNumber(String text, int start) {
    this.text = text;
    this.start = start;
  }

  /**
   * Returns the sequence number that {@code text} spells.
   *
   * @param text one or more decimal digits, as a stream record carries them
   * @return the sequence number, whose {@code toString()} is {@code text}
   * @throws IllegalArgumentException if {@code text} is empty or holds anything but the digits 0 to
   *     9; the message names the first offending position
   * @throws NullPointerException if {@code text} is null
   */
  public static SequenceNumber of(String text) {
    if (text == null) {
      throw new NullPointerException("sequence number text is null");
    }
    int start = significantStart(text);
    if (start >= 0) {
      return new SequenceNumber(text, start);
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("A sequence number must be decimal digits; got \"\"");
    }
    int at = 0;
    while (text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    throw new IllegalArgumentException(
        "A sequence number must be decimal digits; got "
            + quoted(text)
            + ", which has a non-digit at position "
            + at);
  }

  /**
   * Returns the sequence number that {@code text} spells, or {@code null} when it is absent or not
   * decimal digits: for outcomes of records whose sequence number was missing or malformed.
   */
  static @Nullable SequenceNumber parseOrNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int start = significantStart(text);
    return start < 0 ? null : new SequenceNumber(text, start);
  }

  /**
   * The index of the first significant digit (the last digit when all are zeros), or -1 if the text
   * is empty or holds anything but the digits 0 to 9. One pass: every record's sequence number goes
   * through here.
   */
  private static int significantStart(String text) {
    int length = text.length();
    int start = -1;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      if (start < 0 && c != '0') {
        start = i;
      }
    }
    return length == 0 ? -1 : start < 0 ? length - 1 : start;
  }

  private static String quoted(String text) {
    return text.length() <= QUOTED_LENGTH
        ? '"' + text + '"'
        : "a text of " + text.length() + " characters";
  }

  /**
   * Returns the value as a number, for arithmetic; {@link #compareTo} needs none.
   *
   * @return the numeric value
   */
  public BigInteger toBigInteger() {
    return new BigInteger(text);
  }

  /**
   * Orders by numeric value: a number with more significant digits is larger; of two with as many,
   * the first differing digit decides. Leading zeros do not count.
   *
   * @param other another sequence number
   * @return negative, zero or positive as this is less than, equal to or greater than {@code other}
   */
  @Override
  public int compareTo(SequenceNumber other) {
    int digits = text.length() - start;
    int otherDigits = other.text.length() - other.start;
    if (digits != otherDigits) {
      return digits < otherDigits ? -1 : 1;
    }
    for (int i = 0; i < digits; i++) {
      char a = text.charAt(start + i);
      char b = other.text.charAt(other.start + i);
      if (a != b) {
        return a < b ? -1 : 1;
      }
    }
    return 0;
  }

  /**
   * Two sequence numbers are equal when their numeric values are, as {@link #compareTo} says.
   *
   * @param o another object
   * @return whether {@code o} is a sequence number of the same value
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return this == o || (o instanceof SequenceNumber other && compareTo(other) == 0);
  }

  /** Hashes the significant digits, so numerically equal values hash alike. */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = start; i < text.length(); i++) {
      h = 31 * h + text.charAt(i);
    }
    return h;
  }

  /**
   * Returns the text exactly as it was given to {@link #of}, leading zeros included.
   *
   * @return the digits
   */
  @Override
  public String toString() {
    return text;
  }
}
