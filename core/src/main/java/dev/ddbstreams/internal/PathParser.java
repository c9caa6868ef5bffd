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
package dev.ddbstreams.internal;

/**
 * Parses the text form of an {@link AttributePath} in one pass, without regular expressions.
 *
 * <pre>
 * path   := name ( '.' name | '[' digits ']' )*
 * name   := bare | quoted
 * bare   := one or more characters other than . [ ] `
 * quoted := '`' ( any character but '`' | '``' )* '`'
 * </pre>
 */
final class PathParser {
  private final String text;
  private int pos;

  private PathParser(String text) {
    this.text = text;
  }

  /**
   * Parses a path.
   *
   * @param text the text form, such as {@code address.city}, {@code tags[2]} or {@code `a.b`.c}
   * @return the path
   * @throws IllegalArgumentException naming the path when it is malformed
   */
  static AttributePath parse(String text) {
    if (isPlainName(text)) {
      return AttributePath.name(null, text);
    }
    return new PathParser(text).parsePath();
  }

  private static boolean isPlainName(String text) {
    return !text.isEmpty() && !AttributePath.needsQuotes(text);
  }

  private AttributePath parsePath() {
    AttributePath path = AttributePath.name(null, parseName());
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.') {
        pos++;
        path = AttributePath.name(path, parseName());
      } else if (c == '[') {
        pos++;
        path = AttributePath.index(path, parseIndex());
      } else {
        throw malformed("expected '.' or '[' at position " + pos);
      }
    }
    return path;
  }

  private String parseName() {
    if (pos >= text.length()) {
      throw malformed("expected an attribute name at position " + pos);
    }
    if (text.charAt(pos) == '`') {
      return parseQuotedName();
    }
    int start = pos;
    while (pos < text.length() && !AttributePath.isSpecial(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw malformed("expected an attribute name at position " + pos);
    }
    if (pos < text.length() && text.charAt(pos) == '`') {
      throw malformed("a name holding a backtick must be quoted, at position " + pos);
    }
    return text.substring(start, pos);
  }

  private String parseQuotedName() {
    int open = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c != '`') {
        sb.append(c);
      } else if (pos < text.length() && text.charAt(pos) == '`') {
        sb.append('`');
        pos++;
      } else {
        return sb.toString();
      }
    }
    throw malformed("the backtick at position " + open + " is never closed");
  }

  private int parseIndex() {
    int start = pos;
    long value = 0;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      value = value * 10 + (text.charAt(pos) - '0');
      if (value > Integer.MAX_VALUE) {
        throw malformed("the list index at position " + start + " is too large");
      }
      pos++;
    }
    if (pos == start) {
      throw malformed("expected a list index at position " + pos);
    }
    if (pos >= text.length() || text.charAt(pos) != ']') {
      throw malformed("expected ']' at position " + pos);
    }
    pos++;
    return (int) value;
  }

  private IllegalArgumentException malformed(String reason) {
    return malformed(text, reason);
  }

  static IllegalArgumentException malformed(String text, String reason) {
    return new IllegalArgumentException("Malformed attribute path \"" + text + "\": " + reason);
  }
}
