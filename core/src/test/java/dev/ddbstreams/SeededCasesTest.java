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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeededCasesTest {

  @Test
  void checksExactlyTheRequestedNumberOfCases() {
    List<Integer> seen = new ArrayList<>();

    int checked =
        SeededCases.check(
            42L, null, "P#p", 300, gen -> gen.between(0, 9), String::valueOf, seen::add);

    assertThat(checked).isEqualTo(300);
    assertThat(seen).hasSize(300);
  }

  @Test
  void rejectedInputsAreReplacedSoThatAsManyAreChecked() {
    List<Integer> checkedInputs = new ArrayList<>();

    int checked =
        SeededCases.check(
            42L,
            null,
            "P#p",
            100,
            gen -> gen.between(0, 9),
            String::valueOf,
            i -> {
              if (i % 2 == 0) {
                SeededCases.reject();
              }
              checkedInputs.add(i);
            });

    assertThat(checked).isEqualTo(100);
    assertThat(checkedInputs).hasSize(100).allMatch(i -> i % 2 == 1);
  }

  @Test
  void aFailureNamesTheSeedTheCaseAndTheInputAndReplaysAlone() {
    Throwable failure =
        catchThrowable(
            () ->
                SeededCases.check(
                    7L,
                    null,
                    "Things#holdUp",
                    1000,
                    gen -> gen.between(0, 99),
                    i -> "number " + i,
                    i -> assertThat(i).isLessThan(95)));

    assertThat(failure)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Things#holdUp failed on case ")
        .hasMessageContaining("-Dddbstreams.seed=7 -Dddbstreams.case=")
        .hasMessageContaining("Input: number 9");
    int failedCase =
        Integer.parseInt(failure.getMessage().replaceAll("(?s).*failed on case (\\d+) .*", "$1"));
    List<Integer> replayed = new ArrayList<>();
    Throwable again =
        catchThrowable(
            () ->
                SeededCases.check(
                    7L,
                    failedCase,
                    "Things#holdUp",
                    1000,
                    gen -> gen.between(0, 99),
                    i -> "number " + i,
                    i -> {
                      replayed.add(i);
                      assertThat(i).isLessThan(95);
                    }));
    assertThat(replayed).hasSize(1).allMatch(i -> i >= 95);
    assertThat(again).hasMessage(failure.getMessage());
  }

  @Test
  void casesDifferBetweenPropertiesAndBaseSeeds() {
    assertThat(SeededCases.caseSeed(1, "A#a", 0)).isNotEqualTo(SeededCases.caseSeed(1, "A#a", 1));
    assertThat(SeededCases.caseSeed(1, "A#a", 0)).isNotEqualTo(SeededCases.caseSeed(1, "B#b", 0));
    assertThat(SeededCases.caseSeed(1, "A#a", 0)).isNotEqualTo(SeededCases.caseSeed(2, "A#a", 0));
  }
}
