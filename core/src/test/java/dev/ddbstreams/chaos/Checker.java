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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants every schedule is held to, Jepsen style: after the run, each (handler, record)
 * pair is
 *
 * <ul>
 *   <li>finished (applied or dead-lettered) or at/after the checkpoint that will be redelivered:
 *       <b>lost = 0</b>;
 *   <li>with an idempotency store, finished at most once, except pairs in the one documented window
 *       (the store's complete failed after the effect, or the worker died before it): <b>doubled =
 *       0</b>;
 *   <li>applied, per item and handler, in stream order: <b>misordered = 0</b>. Strictly, over the
 *       first application of each change, for a router with an idempotency store and a policy that
 *       keeps item order ({@code STOP_AT_FIRST_FAILURE}, {@code SKIP_FAILED_ITEM}). Without a store
 *       a redelivery re-applies the changes after the checkpoint, and {@code CONTINUE} runs a
 *       failed item's later changes by design: there, order is held within each delivery.
 * </ul>
 */
public final class Checker {
  private static final int MAX_PROBLEMS = 12;

  private Checker() {}

  /** Which order the checker holds the effects to. */
  public enum Order {
    /** Each item's changes are first applied in stream order, across deliveries. */
    STRICT,
    /** Within each delivery, each item's changes are applied in stream order. */
    PER_DELIVERY
  }

  /**
   * What the checker found.
   *
   * @param lost pairs neither finished nor waiting for redelivery
   * @param doubled pairs finished more than once outside the documented window
   * @param misordered effects applied before an effect of a later change of the same item
   * @param windowRepeats pairs finished more than once inside the documented window
   * @param problems the first problems, described
   */
  public record Verdict(
      int lost, int doubled, int misordered, int windowRepeats, List<String> problems) {

    /**
     * Returns whether every invariant holds.
     *
     * @return {@code true} if nothing was lost, doubled or misordered
     */
    public boolean holds() {
      return lost == 0 && doubled == 0 && misordered == 0;
    }

    @Override
    public String toString() {
      return "lost="
          + lost
          + " doubled="
          + doubled
          + " misordered="
          + misordered
          + " windowRepeats="
          + windowRepeats
          + (problems.isEmpty() ? "" : " " + problems);
    }
  }

  /**
   * Checks a ledger.
   *
   * @param ledger what happened
   * @param pending event IDs at or after the checkpoint the stream will redeliver from
   * @param withStore whether an idempotency store was used, so doubles count
   * @param order which order to hold the effects to
   * @return the verdict
   */
  public static Verdict check(Ledger ledger, Set<String> pending, boolean withStore, Order order) {
    List<String> problems = new ArrayList<>();
    int lost = 0;
    int doubled = 0;
    int window = 0;
    for (Ledger.Change c : ledger.changes()) {
      for (String h : ledger.handlers()) {
        int finished = ledger.finished(h, c.eventId());
        if (finished == 0 && !pending.contains(c.eventId())) {
          lost++;
          note(problems, "lost: " + h + " never finished " + describe(c));
        }
        if (finished > 1) {
          if (ledger.inWindow(h, c.eventId())) {
            window++;
          } else if (withStore) {
            doubled++;
            note(
                problems, "doubled: " + h + " finished " + describe(c) + " " + finished + " times");
          }
        }
      }
    }
    int misordered = misordered(ledger, order, problems);
    return new Verdict(lost, doubled, misordered, window, List.copyOf(problems));
  }

  private static int misordered(Ledger ledger, Checker.Order order, List<String> problems) {
    Map<String, BigInteger> latest = new HashMap<>();
    Map<String, Boolean> seen = new HashMap<>();
    int misordered = 0;
    for (Ledger.Effect e : ledger.effects()) {
      String pair = e.handler() + " " + e.change().eventId();
      if (order == Order.STRICT && seen.put(pair, Boolean.TRUE) != null) {
        continue; // only first applications count; a repeat is the doubled check's business
      }
      String lane =
          e.handler()
              + " "
              + e.change().item()
              + (order == Order.PER_DELIVERY ? " #" + e.delivery() : "");
      BigInteger before = latest.get(lane);
      BigInteger now = e.change().sequence();
      if (before != null && now.compareTo(before) < 0) {
        misordered++;
        note(
            problems,
            "misordered: "
                + e.handler()
                + " applied "
                + describe(e.change())
                + " after sequence number "
                + before
                + " of the same item");
      } else {
        latest.put(lane, now);
      }
    }
    return misordered;
  }

  private static String describe(Ledger.Change c) {
    return c.eventId() + " (item " + c.item() + ", seq " + c.sequence() + ")";
  }

  private static void note(List<String> problems, String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }
}
