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

/**
 * One token of an expression, with its place in the text so that syntax errors can quote the text
 * around it as the service does ({@code near: "a x"}).
 *
 * @param kind what sort of token
 * @param text the token as written ({@code <EOF>} for the end)
 * @param start index of its first character in the expression
 * @param end index just after its last character
 */
record Token(Kind kind, String text, int start, int end) {

  /** The sorts of token the lexer produces. */
  enum Kind {
    /** A bare word: an attribute name, a keyword or a function name. */
    NAME,
    /** {@code #name}, an expression attribute name. */
    NAME_REF,
    /** {@code :value}, an expression attribute value. */
    VALUE_REF,
    /** A run of decimal digits, used as a list index. */
    NUMBER,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    PLUS,
    MINUS,
    /** A character the language does not use; the parser reports it as a syntax error. */
    INVALID,
    EOF
  }

  /** Whether this is the bare word {@code keyword}, in any letter case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
