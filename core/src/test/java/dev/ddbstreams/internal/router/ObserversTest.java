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
package dev.ddbstreams.internal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.HandlerEvent;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObserversTest {
  @Test
  void aRouterWithoutObserversGetsTheStepThatReadsNoClock() {
    Observation none = Observers.of(List.of(), false, false);

    assertThat(none).isSameAs(Observation.NONE);
    assertThat(none.nanos()).isZero();
    assertThat(none.millis(BatchContext.none())).isZero();
  }

  @Test
  void aFatalErrorFromAnObserverIsNotSwallowed() {
    StreamObserver dying =
        new StreamObserver() {
          @Override
          public void onHandler(HandlerEvent event) {
            throw new OutOfMemoryError("observer");
          }
        };
    Observation observation = Observers.of(List.of(dying), false, false);

    assertThatThrownBy(
            () ->
                observation.handler(
                    StageFixtures.view("a", "1"),
                    BatchContext.none(),
                    "h",
                    HandlerOutcome.HANDLED,
                    0,
                    10,
                    1,
                    null))
        .isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void aStackOverflowFromAnObserverIsSurvivedLikeAnyOtherError() {
    List<HandlerEvent> after = new ArrayList<>();
    StreamObserver overflowing =
        new StreamObserver() {
          @Override
          public void onHandler(HandlerEvent event) {
            throw new StackOverflowError();
          }
        };
    StreamObserver next =
        new StreamObserver() {
          @Override
          public void onHandler(HandlerEvent event) {
            after.add(event);
          }
        };
    Observation observation = Observers.of(List.of(overflowing, next), false, false);

    observation.handler(
        StageFixtures.view("a", "1"),
        BatchContext.none(),
        "h",
        HandlerOutcome.HANDLED,
        5,
        25,
        1,
        null);

    assertThat(after).singleElement().satisfies(e -> assertThat(e.durationNanos()).isEqualTo(20));
  }
}
