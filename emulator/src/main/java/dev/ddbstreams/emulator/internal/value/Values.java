package dev.ddbstreams.emulator.internal.value;

import java.util.Comparator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ordering of scalar attribute values as the service orders them in keys and comparisons: numbers
 * by value, strings by their UTF-8 bytes (code point order), binaries by unsigned bytes.
 */
public final class Values {

  /** Orders two values of the same scalar type (S, N or B). */
  public static final Comparator<AttributeValue> SCALAR_ORDER = Values::compare;

  private Values() {}

  /**
   * Compares two values of the same scalar type.
   *
   * @throws IllegalArgumentException if the types differ or are not S, N or B
   */
  public static int compare(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      throw new IllegalArgumentException("Cannot compare " + a.type() + " with " + b.type());
    }
    switch (a.type()) {
      case N:
        return Numbers.compare(a.n(), b.n());
      case S:
        return compareUtf8(a.s(), b.s());
      case B:
        return compareBytes(a.b(), b.b());
      default:
        throw new IllegalArgumentException("Not a scalar type: " + a.type());
    }
  }

  /** Compares strings by code point, which is the order of their UTF-8 bytes. */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Compares byte strings as unsigned bytes, shorter first on a common prefix. */
  public static int compareBytes(SdkBytes a, SdkBytes b) {
    byte[] x = a.asByteArrayUnsafe();
    byte[] y = b.asByteArrayUnsafe();
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
