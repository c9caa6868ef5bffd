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

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<Kind> kinds(String text) {
    return Lexer.tokenize(text).stream().map(Token::kind).collect(Collectors.toList());
  }

  private static List<String> texts(String text) {
    return Lexer.tokenize(text).stream().map(Token::text).collect(Collectors.toList());
  }

  @Test
  void splitsPathsPlaceholdersAndOperators() {
    assertThat(texts("a.b[12] <> :v_1 AND #n1>=x"))
        .containsExactly(
            "a", ".", "b", "[", "12", "]", "<>", ":v_1", "AND", "#n1", ">=", "x", "<EOF>");
    assertThat(kinds("(a<b,c<=d)+e-f=g>h"))
        .containsExactly(
            Kind.LPAREN,
            Kind.NAME,
            Kind.LT,
            Kind.NAME,
            Kind.COMMA,
            Kind.NAME,
            Kind.LE,
            Kind.NAME,
            Kind.RPAREN,
            Kind.PLUS,
            Kind.NAME,
            Kind.MINUS,
            Kind.NAME,
            Kind.EQ,
            Kind.NAME,
            Kind.GT,
            Kind.NAME,
            Kind.EOF);
  }

  @Test
  void namesStartWithALetterAndPlaceholdersWithAnyWordCharacter() {
    assertThat(texts("Alpha_9 _x 9a #9 :_"))
        .containsExactly("Alpha_9", "_", "x", "9", "a", "#9", ":_", "<EOF>");
    assertThat(kinds("# : é !"))
        .containsExactly(Kind.INVALID, Kind.INVALID, Kind.INVALID, Kind.INVALID, Kind.EOF);
  }

  @Test
  void anUnknownSupplementaryCharacterIsOneToken() {
    assertThat(texts("a \ud83d\ude00")).containsExactly("a", "\ud83d\ude00", "<EOF>");
  }

  @Test
  void tokensKnowWhereTheyAre() {
    Token b = Lexer.tokenize("  a  =\tb").get(2);
    assertThat(b.text()).isEqualTo("b");
    assertThat(b.start()).isEqualTo(7);
    assertThat(b.end()).isEqualTo(8);
    Token eof = Lexer.tokenize("ab ").get(1);
    assertThat(eof.kind()).isEqualTo(Kind.EOF);
    assertThat(eof.start()).isEqualTo(3);
  }
}
