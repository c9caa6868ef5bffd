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
import org.jspecify.annotations.Nullable;

/** Parses the text of DynamoDB {@code N} values. */
public final class DynamoNumbers {
  private DynamoNumbers() {}

  /**
   * Parses a number as DynamoDB writes it: ASCII digits, an optional sign, point and exponent.
   * {@link BigDecimal#BigDecimal(String)} alone would also accept digits of other scripts.
   *
   * @return the number, or {@code null} if the text is not one
   */
  public static @Nullable BigDecimal parse(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!allowed) {
        return null;
      }
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
