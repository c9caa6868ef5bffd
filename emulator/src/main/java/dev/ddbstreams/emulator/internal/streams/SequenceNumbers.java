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
package dev.ddbstreams.emulator.internal.streams;

/**
 * Sequence numbers as the service writes them: decimal strings of 21 digits (the API allows 21 to
 * 40). Inside the emulator a sequence number is a {@code long} counter shared by every shard of a
 * store, so numbers increase within a shard, from a parent shard to its children, and across
 * streams; outside it is {@code "1"} followed by the counter in 20 digits, so it never starts with
 * a zero and compares the same as text of equal length and as a number.
 */
final class SequenceNumbers {

  private static final int DIGITS = 20;
  private static final String PREFIX = "1";

  private SequenceNumbers() {}

  /** The wire form of counter value {@code n} (0 or more). */
  static String format(long n) {
    String digits = Long.toString(n);
    StringBuilder out = new StringBuilder(PREFIX.length() + DIGITS).append(PREFIX);
    for (int i = digits.length(); i < DIGITS; i++) {
      out.append('0');
    }
    return out.append(digits).toString();
  }

  /**
   * The counter value of a sequence number, or -1 if the text is a well-formed sequence number (21
   * to 40 digits) that this emulator never issued; -2 if it is not a sequence number at all.
   */
  static long parse(String text) {
    int length = text.length();
    if (length < 21 || length > 40) {
      return -2;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -2;
      }
    }
    if (length != PREFIX.length() + DIGITS || !text.startsWith(PREFIX)) {
      return -1;
    }
    try {
      return Long.parseLong(text, PREFIX.length(), length, 10);
    } catch (NumberFormatException e) {
      return -1; // above Long.MAX_VALUE: never issued
    }
  }
}
