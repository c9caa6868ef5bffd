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

import dev.ddbstreams.EventName;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The router's handlers indexed once, at {@code build()}, so that a record is matched only against
 * the handlers that can take it: split by event name, then by the prefixes of each key attribute
 * ({@link PrefixIndex}), the snapshot and TTL settings as bit masks; only the handlers left that
 * have a filter or changed attributes run those checks, one by one.
 *
 * <p>The answer is always the one of asking every handler of the event {@link
 * HandlerMethod#matches}, in declaration order, including which exception a record that lacks what
 * a matcher needs ends in: the content checks run in declaration order over the same handlers, and
 * a record whose keys cannot be read is matched by that linear scan, which throws where it always
 * did. Matching allocates nothing for a record that matches no handler or one (arrays made at build
 * time); only a record that matches several gets a new array, or an event with more than 64
 * handlers a word per 64. Immutable and thread-safe.
 */
final class DispatchTable {
  private static final HandlerMethod[] NONE = new HandlerMethod[0];

  private final String pkName;
  private final @Nullable String skName;
  private final ForEvent[] byEvent = new ForEvent[EventName.values().length];

  DispatchTable(List<HandlerMethod> handlers, String pkName, @Nullable String skName) {
    this.pkName = pkName;
    this.skName = skName;
    for (EventName event : EventName.values()) {
      List<HandlerMethod> of = new ArrayList<>();
      for (HandlerMethod h : handlers) {
        if (h.events().contains(event)) {
          of.add(h);
        }
      }
      byEvent[event.ordinal()] = new ForEvent(event, of);
    }
  }

  /** How many 64-bit words hold a bit per handler. */
  static int blocks(int handlers) {
    return (handlers + 63) >>> 6;
  }

  /** The handlers of an event, in declaration order. */
  HandlerMethod[] handlers(EventName event) {
    return byEvent[event.ordinal()].handlers;
  }

  /**
   * The handlers that take the record, in declaration order; do not modify the array.
   *
   * @throws RuntimeException what {@link HandlerMethod#matches} throws for the record
   */
  HandlerMethod[] match(RecordView view) {
    ForEvent table = byEvent[view.eventName().ordinal()];
    if (table.handlers.length == 0) {
      return NONE;
    }
    String pk = null;
    if (table.pk.constrains()) {
      pk = view.readableKeyText(pkName);
      if (pk == null) {
        return table.linear(view, pkName, skName);
      }
    }
    String sk = null;
    if (skName != null && table.sk.constrains()) {
      sk = view.readableKeyText(skName);
      if (sk == null) {
        return table.linear(view, pkName, skName);
      }
    }
    boolean snapshot = view.record.isSnapshot();
    boolean expiry = view.record.isTtlExpiry();
    if (table.blocks == 1) {
      long matched = table.match(0, view, pk, sk, snapshot, expiry);
      return table.handlersOf(matched);
    }
    long[] matched = new long[table.blocks];
    for (int b = 0; b < matched.length; b++) {
      matched[b] = table.match(b, view, pk, sk, snapshot, expiry);
    }
    return table.handlersOf(matched);
  }

  /** The table of one event name. */
  private static final class ForEvent {
    final HandlerMethod[] handlers;
    final int blocks;

    /** A one-handler array per handler, so that a record matching one allocates nothing. */
    private final HandlerMethod[][] alone;

    private final PrefixIndex pk;
    private final PrefixIndex sk;
    private final long[] takesStream;
    private final long[] takesSnapshot;
    private final long[] takesExpiry;
    private final long[] takesDeletion;
    private final long[] checksContent;

    ForEvent(EventName event, List<HandlerMethod> of) {
      this.handlers = of.toArray(HandlerMethod[]::new);
      this.blocks = blocks(handlers.length);
      this.alone = new HandlerMethod[handlers.length][];
      this.takesStream = new long[blocks];
      this.takesSnapshot = new long[blocks];
      this.takesExpiry = new long[blocks];
      this.takesDeletion = new long[blocks];
      this.checksContent = new long[blocks];
      List<List<String>> pkPrefixes = new ArrayList<>();
      List<List<String>> skPrefixes = new ArrayList<>();
      for (int i = 0; i < handlers.length; i++) {
        HandlerMethod h = handlers[i];
        alone[i] = new HandlerMethod[] {h};
        pkPrefixes.add(h.pkPrefixes());
        skPrefixes.add(h.skPrefixes());
        int b = i >>> 6;
        long bit = 1L << i;
        takesStream[b] |= h.takesSnapshot(false) ? bit : 0;
        takesSnapshot[b] |= h.takesSnapshot(true) ? bit : 0;
        takesExpiry[b] |= h.takesExpiry(event, true) ? bit : 0;
        takesDeletion[b] |= h.takesExpiry(event, false) ? bit : 0;
        checksContent[b] |= h.checksContent(event) ? bit : 0;
      }
      this.pk = new PrefixIndex(pkPrefixes);
      this.sk = new PrefixIndex(skPrefixes);
    }

    /**
     * The handlers of one block that take the record. A null key text means that no handler has
     * prefixes of the key or, for the sort key, that the router has none: either way only handlers
     * without prefixes of it can match.
     */
    long match(
        int block,
        RecordView view,
        @Nullable String pkText,
        @Nullable String skText,
        boolean snapshot,
        boolean expiry) {
      long matched =
          (snapshot ? takesSnapshot[block] : takesStream[block])
              & (expiry ? takesExpiry[block] : takesDeletion[block]);
      if (matched == 0) {
        return 0;
      }
      matched &= pkText == null ? pk.unconstrained(block) : pk.candidates(block, pkText);
      matched &= skText == null ? sk.unconstrained(block) : sk.candidates(block, skText);
      // Filters and diffs last and in declaration order: they are the costly checks, and the
      // ones that may throw, so they throw for the same handler as a linear scan would.
      for (long check = matched & checksContent[block]; check != 0; check &= check - 1) {
        int bit = Long.numberOfTrailingZeros(check);
        if (!handlers[(block << 6) + bit].matchesContent(view)) {
          matched &= ~(1L << bit);
        }
      }
      return matched;
    }

    HandlerMethod[] handlersOf(long matched) {
      if (matched == 0) {
        return NONE;
      }
      if ((matched & (matched - 1)) == 0) {
        return alone[Long.numberOfTrailingZeros(matched)];
      }
      HandlerMethod[] out = new HandlerMethod[Long.bitCount(matched)];
      int n = 0;
      for (long m = matched; m != 0; m &= m - 1) {
        out[n++] = handlers[Long.numberOfTrailingZeros(m)];
      }
      return out;
    }

    HandlerMethod[] handlersOf(long[] matched) {
      int count = 0;
      for (long m : matched) {
        count += Long.bitCount(m);
      }
      if (count == 0) {
        return NONE;
      }
      if (count == 1) {
        for (int b = 0; ; b++) {
          if (matched[b] != 0) {
            return alone[(b << 6) + Long.numberOfTrailingZeros(matched[b])];
          }
        }
      }
      HandlerMethod[] out = new HandlerMethod[count];
      int n = 0;
      for (int b = 0; b < matched.length; b++) {
        for (long m = matched[b]; m != 0; m &= m - 1) {
          out[n++] = handlers[(b << 6) + Long.numberOfTrailingZeros(m)];
        }
      }
      return out;
    }

    /** Asks every handler of the event in turn: for records whose keys cannot be read. */
    HandlerMethod[] linear(RecordView view, String pkName, @Nullable String skName) {
      long[] matched = new long[blocks];
      for (int i = 0; i < handlers.length; i++) {
        if (handlers[i].matches(view, pkName, skName)) {
          matched[i >>> 6] |= 1L << i;
        }
      }
      return blocks == 1 ? handlersOf(matched[0]) : handlersOf(matched);
    }
  }
}
