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

import dev.ddbstreams.emulator.internal.expr.Path.Element;
import dev.ddbstreams.emulator.internal.expr.Path.Field;
import dev.ddbstreams.emulator.internal.expr.Path.Index;
import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursor the recursive-descent parsers share: it walks the tokens of one expression, reports
 * syntax errors with the service's {@code token} / {@code near} quoting, and reads the pieces every
 * expression has in common, document paths and {@code :value} placeholders, resolving placeholders
 * through the request's {@link ExpressionInput} as it meets them.
 */
final class TokenReader {

  /** The deepest document path the service accepts. */
  static final int MAX_PATH_DEPTH = 32;

  private static final List<String> GRAMMAR_KEYWORDS =
      List.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

  private final String text;
  private final List<Token> tokens;
  private final String parameter;
  private final ExpressionInput input;
  private int pos;

  TokenReader(String text, String parameter, ExpressionInput input) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
    this.parameter = parameter;
    this.input = input;
  }

  String parameter() {
    return parameter;
  }

  Token peek() {
    return tokens.get(pos);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  int position() {
    return pos;
  }

  Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.EOF) {
      pos++;
    }
    return t;
  }

  boolean at(Kind kind) {
    return peek().kind() == kind;
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** Consumes a token of this kind or reports a syntax error on the current token. */
  Token expect(Kind kind) {
    if (!at(kind)) {
      throw syntaxError(pos);
    }
    return next();
  }

  void expectEnd() {
    if (!at(Kind.EOF)) {
      throw syntaxError(pos);
    }
  }

  AwsException syntaxErrorHere() {
    return syntaxError(pos);
  }

  /**
   * A syntax error on the token at {@code index}, quoting the text from the token before it to the
   * token after it, as the service does.
   */
  AwsException syntaxError(int index) {
    Token token = tokens.get(index);
    int from = index > 0 ? tokens.get(index - 1).start() : token.start();
    int to = token.end();
    if (index + 1 < tokens.size() && tokens.get(index + 1).kind() != Kind.EOF) {
      to = tokens.get(index + 1).end();
    }
    String near = text.substring(from, Math.max(from, to)).strip();
    return ExpressionErrors.syntax(parameter, token.text(), near);
  }

  /** Whether the current token starts a document path. */
  boolean atPath() {
    return at(Kind.NAME) || at(Kind.NAME_REF);
  }

  /**
   * Reads a document path: a name or {@code #name}, then any number of {@code .name}, {@code
   * .#name} and {@code [index]} steps. Bare names must not be reserved words.
   */
  Path path() {
    List<Element> elements = new ArrayList<>();
    elements.add(field());
    while (true) {
      if (at(Kind.DOT)) {
        next();
        elements.add(field());
      } else if (at(Kind.LBRACKET)) {
        next();
        elements.add(index());
        expect(Kind.RBRACKET);
      } else {
        break;
      }
    }
    if (elements.size() > MAX_PATH_DEPTH) {
      throw ExpressionErrors.tooDeep(parameter, elements.size());
    }
    return new Path(elements);
  }

  private Field field() {
    Token t = peek();
    if (t.kind() == Kind.NAME) {
      if (isGrammarKeyword(t)) {
        throw syntaxErrorHere();
      }
      if (ReservedWords.contains(t.text())) {
        throw ExpressionErrors.reservedWord(parameter, t.text());
      }
      next();
      return new Field(t.text());
    }
    if (t.kind() == Kind.NAME_REF) {
      next();
      return new Field(input.name(t.text(), parameter));
    }
    throw syntaxErrorHere();
  }

  /** Words the grammar itself uses, which read as keywords rather than as names. */
  private static boolean isGrammarKeyword(Token t) {
    for (String keyword : GRAMMAR_KEYWORDS) {
      if (t.isKeyword(keyword)) {
        return true;
      }
    }
    return false;
  }

  private Index index() {
    Token t = peek();
    if (t.kind() != Kind.NUMBER) {
      throw syntaxErrorHere();
    }
    int value;
    try {
      value = Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw syntaxErrorHere();
    }
    next();
    return new Index(value);
  }

  /** Reads a {@code :value} placeholder and resolves it. */
  ValueRef value() {
    Token t = expect(Kind.VALUE_REF);
    return new ValueRef(t.text(), input.value(t.text(), parameter));
  }

  /** A resolved {@code :value} placeholder: its name (for messages) and its value. */
  record ValueRef(String placeholder, AttributeValue value) {
    @Override
    public String toString() {
      return placeholder;
    }
  }
}
