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
package dev.ddbstreams.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker reports each way a run can break the promise, and only those. */
class CheckerTest {
  private static final String H = "h";

  private static Ledger ledger() {
    return new Ledger(
        List.of(
            new Ledger.Change("e1", "A", BigInteger.valueOf(1)),
            new Ledger.Change("e2", "B", BigInteger.valueOf(2)),
            new Ledger.Change("e3", "A", BigInteger.valueOf(30))),
        List.of(H));
  }

  @Test
  void aCleanRunHolds() {
    Ledger l = ledger();
    l.applied(H, "e1");
    l.applied(H, "e2");
    l.deadLettered(H, "e3");

    assertThat(Checker.check(l, Set.of(), true, Checker.Order.STRICT).holds()).isTrue();
  }

  @Test
  void aRecordNeitherFinishedNorPendingIsLost() {
    Ledger l = ledger();
    l.applied(H, "e1");
    l.applied(H, "e3");

    Checker.Verdict v = Checker.check(l, Set.of(), true, Checker.Order.STRICT);

    assertThat(v.lost()).isEqualTo(1);
    assertThat(v.problems()).singleElement().asString().contains("lost", "e2");
    assertThat(Checker.check(l, Set.of("e2"), true, Checker.Order.STRICT).lost())
        .as("at/after the checkpoint: it will be delivered again")
        .isZero();
  }

  @Test
  void aPairFinishedTwiceIsDoubledUnlessInTheWindowOrWithoutAStore() {
    Ledger l = ledger();
    l.applied(H, "e1");
    l.applied(H, "e1");
    l.applied(H, "e2");
    l.deadLettered(H, "e2");
    l.applied(H, "e3");

    assertThat(Checker.check(l, Set.of(), true, Checker.Order.STRICT).doubled()).isEqualTo(2);
    assertThat(Checker.check(l, Set.of(), false, Checker.Order.STRICT).doubled()).isZero();

    l.mayRepeat(H, "e1");
    Checker.Verdict v = Checker.check(l, Set.of(), true, Checker.Order.STRICT);
    assertThat(v.doubled()).isEqualTo(1);
    assertThat(v.windowRepeats()).isEqualTo(1);
  }

  @Test
  void aLaterChangeOfAnItemAppliedFirstIsMisordered() {
    Ledger l = ledger();
    l.applied(H, "e3");
    l.applied(H, "e2");
    l.applied(H, "e1");

    Checker.Verdict v = Checker.check(l, Set.of(), true, Checker.Order.STRICT);

    assertThat(v.misordered()).isEqualTo(1);
    assertThat(v.problems()).singleElement().asString().contains("misordered", "e1");
  }

  @Test
  void perDeliveryOrderAllowsAnOlderChangeInALaterDelivery() {
    Ledger l = ledger();
    l.delivery(1);
    l.applied(H, "e2");
    l.applied(H, "e3");
    l.delivery(2);
    l.applied(H, "e1");

    assertThat(Checker.check(l, Set.of(), true, Checker.Order.PER_DELIVERY).misordered()).isZero();
    assertThat(Checker.check(l, Set.of(), true, Checker.Order.STRICT).misordered()).isEqualTo(1);
  }
}
