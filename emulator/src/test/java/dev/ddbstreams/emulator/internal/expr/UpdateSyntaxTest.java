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

import static dev.ddbstreams.emulator.internal.expr.Av.item;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Av.ss;
import static dev.ddbstreams.emulator.internal.expr.Req.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clauses, overlapping paths and the other rules of update expressions as a whole. */
class UpdateSyntaxTest {

  @Test
  void clausesComeInAnyOrderWithKeywordsInAnyCase() {
    Req r = values(":v", n("1"), ":s", ss("x"));
    assertThat(
            r.apply(
                "remove b  sEt a = :v Add c :v DELETE d :s", item("b", s("x"), "d", ss("x", "y"))))
        .isEqualTo(item("d", ss("y"), "a", n("1"), "c", n("1")));
  }

  @Test
  void eachClauseMayAppearOnce() {
    Req r = values(":v", n("1"), ":w", n("2"));
    assertThatThrownBy(() -> r.update("SET a = :v SET b = :w"))
        .hasMessage(
            "Invalid UpdateExpression: The \"SET\" section can only be used once in an update"
                + " expression;");
    assertThatThrownBy(() -> r.update("SET a = :v REMOVE c set b = :w"))
        .hasMessageContaining("\"SET\" section can only be used once");
    assertThatThrownBy(() -> r.update("REMOVE a REMOVE b"))
        .hasMessageContaining("\"REMOVE\" section can only be used once");
    assertThatThrownBy(() -> r.update("ADD a :v add b :w")).hasMessageContaining("\"ADD\"");
  }

  @Test
  void anUnknownClauseIsASyntaxError() {
    assertThatThrownBy(() -> values(":v", n("4")).update("HELLO b = :v"))
        .hasMessage("Invalid UpdateExpression: Syntax error; token: \"HELLO\", near: \"HELLO b\"");
    assertThatThrownBy(() -> values(":v", n("4")).update("SET b = :v HELLO"))
        .hasMessageContaining("token: \"HELLO\"");
  }

  @Test
  void malformedUpdatesAreSyntaxErrors() {
    Req r = values(":a", n("1"), ":b", n("2"));
    String[] bad = {
      "SET",
      "SET a",
      "SET a =",
      "SET a = :a,",
      "SET :a = :b",
      "SET a = :a REMOVE",
      "REMOVE a,",
      "SET a[:a] = :b",
      "SET a[#x] = :b",
      "SET _123 = :a",
      "SET 123a = :a",
      "SET hi-there = :a",
      "SET a = (:a)",
      "SET a = :a :b",
      "ADD a",
      "SET a == :a",
      "SET a = b.",
      "SET a = if_not_exists()"
    };
    for (String text : bad) {
      assertThatThrownBy(() -> r.update(text))
          .as(text)
          .isInstanceOf(AwsException.class)
          .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: ");
    }
    assertThatThrownBy(() -> r.update("SET _123 = :a"))
        .hasMessage("Invalid UpdateExpression: Syntax error; token: \"_\", near: \"SET _123\"");
  }

  @Test
  void overlappingPathsAreRejectedBeforeTheItemIsRead() {
    Req r = values(":v", n("1"), ":w", n("2"));
    assertThatThrownBy(() -> r.update("SET a = :v REMOVE a.b"))
        .hasMessage(
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or"
                + " rewrite one of these paths; path one: [a], path two: [a, b]");
    String[] overlapping = {
      "SET a = :v, a = :w", "SET a.b = :v, a = :w", "SET a.b = :v, a.b.c.d = :w",
      "SET a[1] = :v, a[1][1] = :w", "SET a = :v REMOVE a", "REMOVE a[1] ADD a[1] :v",
      "SET a = :v ADD a :w"
    };
    for (String text : overlapping) {
      assertThatThrownBy(() -> r.update(text))
          .as(text)
          .hasMessageContaining("overlap with each other");
    }
    assertThatThrownBy(() -> r.name("#a1", "a").name("#a2", "a").update("SET #a1 = :v, #a2 = :w"))
        .hasMessageEndingWith("path one: [a], path two: [a]");
  }

  @Test
  void conflictingPathsAreRejected() {
    Req r = values(":v", n("1"), ":w", n("2"));
    assertThatThrownBy(() -> r.update("SET a.b = :v, a[1] = :w"))
        .hasMessage(
            "Invalid UpdateExpression: Two document paths conflict with each other; must remove or"
                + " rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
    assertThatThrownBy(() -> r.update("SET a.b.c = :v, a.b[2] = :w"))
        .hasMessageContaining("conflict with each other");
  }

  @Test
  void pathsThatShareOnlyAPrefixMayBeUpdatedTogether() {
    Req r = values(":v", n("1"), ":w", n("2"));
    for (String text :
        new String[] {
          "SET a.b = :v, a.c = :w", "SET a[1] = :v, a[2] = :w", "SET a.b = :v REMOVE a.c[2]"
        }) {
      assertThatCode(() -> r.update(text)).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void topLevelNamesListsEveryAttributeTheUpdateTouches() {
    Update u =
        values(":v", n("1"), ":s", ss("x"))
            .update("SET a.b = :v, c = a REMOVE d[0] ADD e :v DELETE f :s");
    assertThat(u.topLevelNames()).containsExactly("a", "c", "d", "e", "f");
  }

  @Test
  void namesAndValuesAreResolvedWithTheUpdateParameterInMessages() {
    assertThatThrownBy(() -> values(":v", n("1")).update("SET #n = :v"))
        .hasMessage(
            "Invalid UpdateExpression: An expression attribute name used in the document path is"
                + " not defined; attribute name: #n");
    assertThatThrownBy(() -> Req.req().update("SET a = :v"))
        .hasMessageContaining("attribute value: :v");
    assertThatThrownBy(() -> values(":v", n("1")).update("SET status = :v"))
        .hasMessage(
            "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword:"
                + " status");
    assertThatThrownBy(() -> Req.req().update(""))
        .hasMessage("Invalid UpdateExpression: The expression can not be empty;");
  }

  @Test
  void anUnusedValueOfAnUpdateIsReported() {
    ExpressionInput input = new ExpressionInput(null, Map.of(":v", n("1"), ":w", n("2")));
    Expressions.update("SET a = :v", input);
    assertThatThrownBy(input::checkAllUsed)
        .hasMessage(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
  }
}
