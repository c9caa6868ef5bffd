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
