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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.SeededCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one path syntax of the library: what the parser accepts, how it reports what it does not (by
 * position), and that parsing what {@link AttributePath#toString()} renders gives the same path.
 */
class PathParserTest {

  @Test
  void parsesNamesMapKeysAndListIndexes() {
    AttributePath path = PathParser.parse("address.lines[12].text");

    assertThat(path.depth()).isEqualTo(4);
    assertThat(path.lastName()).isEqualTo("text");
    AttributePath element = path.parent();
    assertThat(element.lastName()).isNull();
    assertThat(element.lastIndex()).isEqualTo(12);
    assertThat(element.parent().lastName()).isEqualTo("lines");
    assertThat(path.topLevelName()).isEqualTo("address");
    assertThat(path).hasToString("address.lines[12].text");
  }

  @Test
  void aPlainNameIsOneSegment() {
    AttributePath path = PathParser.parse("weightKg");

    assertThat(path.depth()).isEqualTo(1);
    assertThat(path.parent()).isNull();
    assertThat(path).isEqualTo(AttributePath.name(null, "weightKg"));
  }

  @Test
  void backticksQuoteNamesWithSpecialCharactersAndDoubledBackticksEscapeThemselves() {
    assertThat(PathParser.parse("`a.b`.c").topLevelName()).isEqualTo("a.b");
    assertThat(PathParser.parse("m.`x``y`").lastName()).isEqualTo("x`y");
    assertThat(PathParser.parse("m.`[0]`").lastName()).isEqualTo("[0]");
    assertThat(PathParser.parse("``").topLevelName()).isEmpty();
    assertThat(PathParser.parse("`plain`")).isEqualTo(PathParser.parse("plain"));
  }

  @Test
  void malformedPathsNameThePathAndThePosition() {
    assertMalformed("", "expected an attribute name at position 0");
    assertMalformed("a.", "expected an attribute name at position 2");
    assertMalformed(".a", "expected an attribute name at position 0");
    assertMalformed("a..b", "expected an attribute name at position 2");
    assertMalformed("a[", "expected a list index at position 2");
    assertMalformed("a[x]", "expected a list index at position 2");
    assertMalformed("a[1", "expected ']' at position 3");
    assertMalformed("a[1]b", "expected '.' or '[' at position 4");
    assertMalformed("a]", "expected '.' or '[' at position 1");
    assertMalformed("a`b", "a name holding a backtick must be quoted, at position 1");
    assertMalformed("m.`open", "the backtick at position 2 is never closed");
    assertMalformed("a[99999999999]", "the list index at position 2 is too large");
    assertMalformed("[0]", "expected an attribute name at position 0");
  }

  private static void assertMalformed(String text, String reason) {
    assertThatThrownBy(() -> AttributePath.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Malformed attribute path \"" + text + "\": " + reason);
  }

  @Test
  void rendersQuotesOnlyWhereNeeded() {
    AttributePath top = AttributePath.name(null, "a.b");
    AttributePath path = AttributePath.index(AttributePath.name(top, "x`y"), 3);

    assertThat(path).hasToString("`a.b`.`x``y`[3]");
    assertThat(AttributePath.quote("plain")).isEqualTo("plain");
    assertThat(AttributePath.quote("")).isEqualTo("``");
    assertThat(AttributePath.childText("", "a.b")).isEqualTo("`a.b`");
    assertThat(AttributePath.childText("m", "k")).isEqualTo("m.k");
    assertThat(AttributePath.indexText("m.k", 2)).isEqualTo("m.k[2]");
  }

  @Test
  void theTextHelpersOfTheMappersRenderWhatTheStructureRenders() {
    AttributePath structured =
        AttributePath.name(AttributePath.index(AttributePath.name(null, "tags"), 0), "a]b");
    String text =
        AttributePath.childText(
            AttributePath.indexText(AttributePath.childText("", "tags"), 0), "a]b");

    assertThat(text).isEqualTo(structured.toString()).isEqualTo("tags[0].`a]b`");
  }

  @Test
  void resolvesOnlyAlongExistingValuesOfTheRightType() {
    Map<String, AttributeValue> image =
        Map.of(
            "m",
            AttributeValue.fromM(
                Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("first"))))));

    assertThat(PathParser.parse("m.l[0]").resolveIn(image))
        .isEqualTo(AttributeValue.fromS("first"));
    assertThat(PathParser.parse("m.l[1]").resolveIn(image)).isNull();
    assertThat(PathParser.parse("m.l.x").resolveIn(image)).isNull();
    assertThat(PathParser.parse("m[0]").resolveIn(image)).isNull();
    assertThat(PathParser.parse("absent.x").resolveIn(image)).isNull();
  }

  @Test
  void ordersSegmentBySegmentWithIndexesNumerically() {
    List<AttributePath> paths = new ArrayList<>();
    for (String p : List.of("a[10]", "a.b", "a[2]", "a", "b", "a[2].c")) {
      paths.add(PathParser.parse(p));
    }
    paths.sort(null);

    assertThat(paths)
        .extracting(AttributePath::toString)
        .containsExactly("a", "a[2]", "a[2].c", "a[10]", "a.b", "b");
    assertThat(PathParser.parse("a.b.c").isAtOrUnder(PathParser.parse("a.b"))).isTrue();
    assertThat(PathParser.parse("a.bc").isAtOrUnder(PathParser.parse("a.b"))).isFalse();
  }

  @Test
  void parsingTheRenderingOfAnyPathGivesTheSamePath() {
    String alphabet = "ab.[]`0 ";
    SeededCases.check(
        1000,
        gen -> {
          AttributePath path = AttributePath.name(null, gen.string(alphabet, 0, 6));
          int segments = gen.between(0, 4);
          for (int i = 0; i < segments; i++) {
            path =
                gen.bool()
                    ? AttributePath.name(path, gen.string(alphabet, 0, 6))
                    : AttributePath.index(path, gen.between(0, 1000));
          }
          return path;
        },
        AttributePath::toString,
        path -> {
          AttributePath parsed = AttributePath.parse(path.toString());
          assertThat(parsed).isEqualTo(path).hasSameHashCodeAs(path);
          assertThat(parsed.compareTo(path)).isZero();
          assertThat(parsed).hasToString(path.toString());
        });
  }
}
