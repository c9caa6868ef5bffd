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
package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into {@link Token}s by the service's lexical rules: a bare name is an ASCII
 * letter followed by letters, digits and underscores; {@code #} and {@code :} placeholders continue
 * with letters, digits and underscores; digits alone form a list index. Any other character is an
 * {@link Kind#INVALID} token of its own, which the parser reports as a syntax error on that
 * character. The list always ends with an {@link Kind#EOF} token.
 */
final class Lexer {

  static final String EOF_TEXT = "<EOF>";

  private Lexer() {}

  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
        continue;
      }
      int start = i;
      Kind kind;
      if (isLetter(c)) {
        i = skipWordChars(text, i + 1);
        kind = Kind.NAME;
      } else if (isDigit(c)) {
        while (i < n && isDigit(text.charAt(i))) {
          i++;
        }
        kind = Kind.NUMBER;
      } else if (c == '#' || c == ':') {
        int after = skipWordChars(text, i + 1);
        if (after == i + 1) {
          i++;
          kind = Kind.INVALID;
        } else {
          i = after;
          kind = c == '#' ? Kind.NAME_REF : Kind.VALUE_REF;
        }
      } else if (c == '<' || c == '>') {
        boolean eq = i + 1 < n && text.charAt(i + 1) == '=';
        boolean ne = c == '<' && i + 1 < n && text.charAt(i + 1) == '>';
        i += eq || ne ? 2 : 1;
        kind = ne ? Kind.NE : c == '<' ? (eq ? Kind.LE : Kind.LT) : (eq ? Kind.GE : Kind.GT);
      } else {
        kind = punctuation(c);
        i += kind == Kind.INVALID ? Character.charCount(text.codePointAt(i)) : 1;
      }
      tokens.add(new Token(kind, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Kind.EOF, EOF_TEXT, n, n));
    return tokens;
  }

  private static Kind punctuation(char c) {
    switch (c) {
      case '(':
        return Kind.LPAREN;
      case ')':
        return Kind.RPAREN;
      case '[':
        return Kind.LBRACKET;
      case ']':
        return Kind.RBRACKET;
      case ',':
        return Kind.COMMA;
      case '.':
        return Kind.DOT;
      case '=':
        return Kind.EQ;
      case '+':
        return Kind.PLUS;
      case '-':
        return Kind.MINUS;
      default:
        return Kind.INVALID;
    }
  }

  private static int skipWordChars(String text, int i) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (!(isLetter(c) || isDigit(c) || c == '_')) {
        break;
      }
      i++;
    }
    return i;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
