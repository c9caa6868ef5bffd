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

import static dev.ddbstreams.emulator.internal.expr.Av.b;
import static dev.ddbstreams.emulator.internal.expr.Av.bs;
import static dev.ddbstreams.emulator.internal.expr.Av.bytes;
import static dev.ddbstreams.emulator.internal.expr.Av.item;
import static dev.ddbstreams.emulator.internal.expr.Av.l;
import static dev.ddbstreams.emulator.internal.expr.Av.m;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.ns;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Av.ss;
import static dev.ddbstreams.emulator.internal.expr.Req.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The REMOVE, ADD and DELETE actions. */
class UpdateRemoveAddDeleteTest {

  private static Map<String, AttributeValue> list(int... values) {
    AttributeValue[] elements = new AttributeValue[values.length];
    for (int i = 0; i < values.length; i++) {
      elements[i] = n(values[i]);
    }
    return item("a", l(elements));
  }

  @Test
  void removeDeletesAttributesMapKeysAndListElements() {
    Map<String, AttributeValue> item =
        item(
            "p",
            s("k"),
            "a",
            m("b", n("3"), "c", l(s("hi"), m("x", l(n("3"), n("5"))), n("9"))),
            "d",
            s("x"));
    assertThat(Req.req().apply("REMOVE d, a.b, a.c[1].x[0], a.c[2]", item))
        .isEqualTo(item("p", s("k"), "a", m("c", l(s("hi"), m("x", l(n("5")))))));
  }

  @Test
  void removingListElementsShiftsTheRestAndIndexesMeanTheOriginalPositions() {
    assertThat(Req.req().apply("REMOVE a[1], a[2]", list(0, 1, 2, 3, 4))).isEqualTo(list(0, 3, 4));
    assertThat(Req.req().apply("REMOVE a[2], a[1]", list(0, 1, 2, 3, 4))).isEqualTo(list(0, 3, 4));
    Req r = values(":v", n("17"));
    assertThat(r.apply("REMOVE a[1] SET a[3] = :v", list(2, 3, 4, 5, 6, 7)))
        .isEqualTo(list(2, 4, 17, 6, 7));
    assertThat(r.apply("SET a[3] = :v REMOVE a[1]", list(2, 3, 4, 5, 6, 7)))
        .isEqualTo(list(2, 4, 17, 6, 7));
  }

  @Test
  void removingWhatIsNotThereDoesNothing() {
    Map<String, AttributeValue> item = item("a", m("x", n("3")), "b", l(s("hi")));
    assertThat(Req.req().apply("REMOVE a.y, b[7], c", item)).isEqualTo(item);
  }

  @Test
  void removingTheLastMemberLeavesAnEmptyMapOrList() {
    assertThat(Req.req().apply("REMOVE a.b", item("a", m("b", n("1"))))).isEqualTo(item("a", m()));
    assertThat(Req.req().apply("REMOVE a[0]", item("a", l(n("1"))))).isEqualTo(item("a", l()));
  }

  @Test
  void removingBelowAMissingOrWrongParentIsAnInvalidPath() {
    Map<String, AttributeValue> item = item("a", s("hello"), "b", l(s("hi")));
    for (String text :
        new String[] {"REMOVE a.c", "REMOVE b.c", "REMOVE c.c", "REMOVE a[0]", "REMOVE c[0]"}) {
      assertThatThrownBy(() -> Req.req().apply(text, item))
          .as(text)
          .hasMessage("The document path provided in the update expression is invalid for update");
    }
  }

  @Test
  void addAddsToANumberOrStartsFromZero() {
    Req r = values(":v", n("4.50"));
    assertThat(r.apply("ADD a :v", item("a", n("3")))).isEqualTo(item("a", n("7.5")));
    assertThat(r.apply("ADD a :v", Map.of())).isEqualTo(item("a", n("4.5")));
    assertThat(values(":v", n("-3")).apply("ADD a :v", item("a", n("3"))))
        .isEqualTo(item("a", n("0")));
    assertThat(r.apply("ADD m.hits :v", item("m", m()))).isEqualTo(item("m", m("hits", n("4.5"))));
  }

  @Test
  void addToA38DigitNumberIsExactAndChecked() {
    Map<String, AttributeValue> big = item("a", n("99999999999999999999999999999999999998"));
    assertThat(values(":v", n("1")).apply("ADD a :v", big))
        .isEqualTo(item("a", n("99999999999999999999999999999999999999")));
    assertThatThrownBy(() -> values(":v", n("0.5")).apply("ADD a :v", big))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
  }

  @Test
  void addUnitesSetsOrStartsOne() {
    assertThat(values(":v", ss("pig", "dog")).apply("ADD a :v", item("a", ss("dog", "cat"))))
        .isEqualTo(item("a", ss("dog", "cat", "pig")));
    assertThat(values(":v", ns("1.0", "3")).apply("ADD a :v", item("a", ns("1", "2"))))
        .isEqualTo(item("a", ns("1", "2", "3")));
    assertThat(
            values(":v", bs(bytes(2), bytes(3)))
                .apply("ADD a :v", item("a", bs(bytes(1), bytes(2)))))
        .isEqualTo(item("a", bs(bytes(1), bytes(2), bytes(3))));
    assertThat(values(":v", ss("cat")).apply("ADD a :v", Map.of())).isEqualTo(item("a", ss("cat")));
  }

  @Test
  void addRejectsOtherTypes() {
    assertThatThrownBy(() -> values(":v", s("hello")).update("ADD a :v"))
        .hasMessage(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator:"
                + " ADD, operand type: STRING");
    assertThatThrownBy(() -> values(":v", l(n("1"))).update("ADD a :v"))
        .hasMessageEndingWith("operator: ADD, operand type: LIST");
    assertThatThrownBy(() -> values(":v", n("1")).apply("ADD a :v", item("a", s("hi"))))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> values(":v", ss("x")).apply("ADD a :v", item("a", ns("1"))))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> values(":v", ss("x")).apply("ADD a :v", item("a", l(s("x")))))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> values(":v", n("1")).apply("ADD m.x :v", Map.of()))
        .hasMessageContaining("invalid for update");
  }

  @Test
  void deleteRemovesSetMembersAndTheAttributeWhenNoneAreLeft() {
    Map<String, AttributeValue> item = item("a", ss("dog", "cat", "mouse"), "b", s("hi"));
    assertThat(values(":v", ss("cat", "mouse")).apply("DELETE a :v", item))
        .isEqualTo(item("a", ss("dog"), "b", s("hi")));
    assertThat(values(":v", ss("pig")).apply("DELETE a :v", item)).isEqualTo(item);
    assertThat(values(":v", ss("dog", "cat", "mouse", "pig")).apply("DELETE a :v", item))
        .isEqualTo(item("b", s("hi")));
    assertThat(values(":v", ss("dog")).apply("DELETE z :v", item)).isEqualTo(item);
    assertThat(values(":v", ns("2.0")).apply("DELETE n :v", item("n", ns("1", "2"))))
        .isEqualTo(item("n", ns("1")));
    assertThat(values(":v", bs(bytes(1))).apply("DELETE x :v", item("x", bs(bytes(1), bytes(9)))))
        .isEqualTo(item("x", bs(bytes(9))));
  }

  @Test
  void deleteRejectsNonSetsAndSetsOfAnotherType() {
    assertThatThrownBy(() -> values(":v", n("1")).update("DELETE a :v"))
        .hasMessage(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator:"
                + " DELETE, operand type: NUMBER");
    assertThatThrownBy(() -> values(":v", b(1)).update("DELETE a :v"))
        .hasMessageEndingWith("operand type: BINARY");
    assertThatThrownBy(() -> values(":v", ns("1")).apply("DELETE a :v", item("a", ss("1"))))
        .hasMessage("An operand in the update expression has an incorrect data type");
  }

  @Test
  void addAndDeleteTakeOnlyAValuePlaceholder() {
    assertThatThrownBy(() -> Req.req().update("ADD a b"))
        .hasMessageContaining("Syntax error; token: \"b\"");
    assertThatThrownBy(() -> values(":v", ns("1")).update("DELETE a = :v"))
        .hasMessageContaining("Syntax error; token: \"=\"");
  }
}
