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
import static dev.ddbstreams.emulator.internal.expr.Av.l;
import static dev.ddbstreams.emulator.internal.expr.Av.m;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ProjectionTest {

  private static final Map<String, AttributeValue> ITEM =
      item(
          "p", s("key"),
          "a", m("b", l(n("2"), n("4"), m("x", s("hi"), "y", s("yo"))), "c", n("5")),
          "b", s("hello"));

  private static Map<String, AttributeValue> project(Req r, String text) {
    return Expressions.projection(text, r.input()).apply(ITEM);
  }

  private static Map<String, AttributeValue> project(String text) {
    return project(Req.req(), text);
  }

  @Test
  void topLevelPathsKeepThoseAttributes() {
    assertThat(project("p, b")).isEqualTo(item("p", s("key"), "b", s("hello")));
    assertThat(project(" b ")).isEqualTo(item("b", s("hello")));
    assertThat(project("absent")).isEmpty();
    assertThat(project(Req.req().name("#n", "b"), "#n")).isEqualTo(item("b", s("hello")));
  }

  @Test
  void nestedPathsKeepTheirStructure() {
    assertThat(project("a.c")).isEqualTo(item("a", m("c", n("5"))));
    assertThat(project("a.b")).isEqualTo(item("a", m("b", ITEM.get("a").m().get("b"))));
    assertThat(project("a.b[2].y")).isEqualTo(item("a", m("b", l(m("y", s("yo"))))));
    assertThat(project("a.c, b")).isEqualTo(item("a", m("c", n("5")), "b", s("hello")));
  }

  @Test
  void listIndexesSelectElementsInIndexOrder() {
    assertThat(project("a.b[0]")).isEqualTo(item("a", m("b", l(n("2")))));
    assertThat(project("a.b[1], a.b[0]")).isEqualTo(item("a", m("b", l(n("2"), n("4")))));
    assertThat(project("a.b[2].x, a.b[0], a.c"))
        .isEqualTo(item("a", m("b", l(n("2"), m("x", s("hi"))), "c", n("5"))));
  }

  @Test
  void pathsTheItemDoesNotHaveAreLeftOut() {
    for (String text :
        new String[] {
          "a.b[3]", "a.x", "a.x.y", "a.b[3].x", "a.b.x", "a[0]", "a.b[0].x", "a.b[0][0]", "b.c"
        }) {
      assertThat(project(text)).as(text).isEmpty();
    }
    assertThat(project("a.x, a.b[0], x, a.b[3].x")).isEqualTo(item("a", m("b", l(n("2")))));
  }

  @Test
  void aPlaceholderIsOneSegmentEvenWithADotInIt() {
    Map<String, AttributeValue> item = item("a.b", s("dotted"), "a", m("b", s("nested")));
    Req r = Req.req().name("#d", "a.b").name("#a", "a").name("#b", "b");
    assertThat(Expressions.projection("#d", r.input()).apply(item))
        .isEqualTo(item("a.b", s("dotted")));
    assertThat(Expressions.projection("#a.#b", r.input()).apply(item))
        .isEqualTo(item("a", m("b", s("nested"))));
  }

  @Test
  void overlappingPathsAreRejected() {
    assertThatThrownBy(() -> project("a.b[0],a.b[0]"))
        .isInstanceOf(AwsException.class)
        .hasMessage(
            "Invalid ProjectionExpression: Two document paths overlap with each other; must remove"
                + " or rewrite one of these paths; path one: [a, b, [0]], path two: [a, b, [0]]");
    for (String text :
        new String[] {"a, a", "a, a.b", "a.b, a", "a.b, a.b[2]", "a, a.b[2].c", "a.b.d.e, a.b"}) {
      assertThatThrownBy(() -> project(text))
          .as(text)
          .hasMessageContaining("overlap with each other");
    }
  }

  @Test
  void conflictingPathsAreRejected() {
    assertThatThrownBy(() -> project("a.b, a[1]"))
        .hasMessage(
            "Invalid ProjectionExpression: Two document paths conflict with each other; must remove"
                + " or rewrite one of these paths; path one: [a, b], path two: [a, [1]]");
  }

  @Test
  void pathsSharingOnlyAPrefixAreFine() {
    for (String text :
        new String[] {"a, b", "a.b, a.c", "a.b.d, a.b.e", "a[1], a[2]", "a.b, a.c[2]"}) {
      assertThatCode(() -> project(text)).as(text).doesNotThrowAnyException();
    }
  }

  @Test
  void malformedProjectionsAreRejected() {
    for (String text : new String[] {"a,", ",a", "a,,b", "a b", "a.", "a[x]", "f(a)", ":v"}) {
      assertThatThrownBy(() -> project(text))
          .as(text)
          .hasMessageStartingWith("Invalid ProjectionExpression: Syntax error; token: ");
    }
    assertThatThrownBy(() -> project(""))
        .hasMessage("Invalid ProjectionExpression: The expression can not be empty;");
    assertThatThrownBy(() -> project("name"))
        .hasMessage(
            "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword:"
                + " name");
  }

  @Test
  void unusedAndUndefinedNamesAreReported() {
    ExpressionInput input = new ExpressionInput(Map.of("#a", "a", "#x", "x"), null);
    Expressions.projection("#a", input);
    assertThatThrownBy(input::checkAllUsed).hasMessageEndingWith("keys: {#x}");
    assertThatThrownBy(() -> project("a.#n"))
        .hasMessage(
            "Invalid ProjectionExpression: An expression attribute name used in the document path"
                + " is not defined; attribute name: #n");
  }
}
