package dev.ddbstreams.emulator.internal.table;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item sizes by the service's published rules ("Item sizes and formats"): UTF-8 length of each
 * attribute name plus the value's size; strings by UTF-8 bytes, binaries by raw bytes, numbers one
 * byte per two significant digits plus one, {@code NULL}/{@code BOOL} one byte, lists and maps
 * three bytes plus one byte per element plus their elements (map keys included), sets the sum of
 * their elements.
 */
final class ItemSize {

  /** The service's maximum item size, 400 KB. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  private ItemSize() {}

  static int of(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  static int valueSize(AttributeValue v) {
    switch (v.type()) {
      case S:
        return utf8Length(v.s());
      case N:
        return numberSize(v.n());
      case B:
        return v.b().asByteArrayUnsafe().length;
      case BOOL:
      case NUL:
        return 1;
      case SS:
        {
          int n = 0;
          for (String s : v.ss()) {
            n += utf8Length(s);
          }
          return n;
        }
      case NS:
        {
          int n = 0;
          for (String s : v.ns()) {
            n += numberSize(s);
          }
          return n;
        }
      case BS:
        {
          int n = 0;
          for (SdkBytes b : v.bs()) {
            n += b.asByteArrayUnsafe().length;
          }
          return n;
        }
      case L:
        {
          int n = 3;
          for (AttributeValue x : v.l()) {
            n += 1 + valueSize(x);
          }
          return n;
        }
      case M:
        {
          int n = 3;
          for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
            n += 1 + utf8Length(e.getKey()) + valueSize(e.getValue());
          }
          return n;
        }
      default:
        return 0;
    }
  }

  /** The size a key value counts against the 2048/1024-byte key limits. */
  static int keyBytes(AttributeValue v) {
    return valueSize(v);
  }

  /** One byte per two significant digits, plus one. */
  static int numberSize(String canonical) {
    int digits = 0;
    int firstNonZero = -1;
    int lastNonZero = -1;
    for (int i = 0; i < canonical.length(); i++) {
      char c = canonical.charAt(i);
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (firstNonZero < 0) {
            firstNonZero = digits;
          }
          lastNonZero = digits;
        }
        digits++;
      } else if (c == 'e' || c == 'E') {
        break;
      }
    }
    int significant = firstNonZero < 0 ? 1 : lastNonZero - firstNonZero + 1;
    return (significant + 1) / 2 + 1;
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  static int utf8Length(byte[] b) {
    return b.length;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
