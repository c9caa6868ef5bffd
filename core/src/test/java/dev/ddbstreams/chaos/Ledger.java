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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happened to every (handler, record) pair of one schedule: side effects applied, dead
 * letters, and the pairs that may legitimately be applied twice (the documented window between a
 * side effect and the store's complete). The {@link Checker} reads it. Thread-safe.
 */
public final class Ledger {

  /**
   * One change of the stream.
   *
   * @param eventId the record's event ID
   * @param item the item's partition key
   * @param sequence the record's sequence number
   */
  public record Change(String eventId, String item, BigInteger sequence) {}

  /**
   * One side effect, in the order effects happened.
   *
   * @param handler the handler ID
   * @param change the change applied
   * @param delivery the delivery it happened in (router-alone schedules number them)
   */
  public record Effect(String handler, Change change, int delivery) {}

  private final List<Change> changes;
  private final List<String> handlers;
  private final Map<String, Change> byEventId = new ConcurrentHashMap<>();
  private final Map<String, String> labels = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> deadLettered = new ConcurrentHashMap<>();
  private final Set<String> window = ConcurrentHashMap.newKeySet();
  private final List<Effect> effects = Collections.synchronizedList(new ArrayList<>());
  private volatile int delivery;

  /**
   * Creates the ledger of a stream.
   *
   * @param changes every change of the stream, in stream order
   * @param handlers the IDs of the handlers that must each apply every change
   */
  public Ledger(List<Change> changes, List<String> handlers) {
    this.changes = List.copyOf(changes);
    this.handlers = List.copyOf(handlers);
    Map<String, Integer> versions = new HashMap<>();
    for (Change c : changes) {
      byEventId.put(c.eventId(), c);
      labels.put(c.eventId(), c.item() + "/" + versions.merge(c.item(), 1, Integer::sum));
    }
  }

  /**
   * Names a change by its item and its place among the item's changes, such as {@code ITEM#5/2}:
   * the same in every run of a schedule, unlike event IDs, which DynamoDB Local makes up anew.
   * Fault plans decide by these names, so a seed replays its faults.
   *
   * @param eventId an event ID, or any other text
   * @return the change's name, or the text itself if it is not an event ID of the stream
   */
  public String label(String eventId) {
    return labels.getOrDefault(eventId, eventId);
  }

  /**
   * Returns the stream's changes in order.
   *
   * @return the changes
   */
  public List<Change> changes() {
    return changes;
  }

  /**
   * Returns the handler IDs.
   *
   * @return the IDs
   */
  public List<String> handlers() {
    return handlers;
  }

  /**
   * Numbers the delivery now running; effects are tagged with it.
   *
   * @param n the delivery
   */
  public void delivery(int n) {
    delivery = n;
  }

  /**
   * Records a side effect.
   *
   * @param handler the handler ID
   * @param eventId the record's event ID
   */
  public void applied(String handler, String eventId) {
    Change c = change(eventId);
    applied.computeIfAbsent(pair(handler, eventId), k -> new AtomicInteger()).incrementAndGet();
    effects.add(new Effect(handler, c, delivery));
  }

  /**
   * Records a dead letter.
   *
   * @param handler the handler ID
   * @param eventId the record's event ID
   */
  public void deadLettered(String handler, String eventId) {
    change(eventId);
    deadLettered
        .computeIfAbsent(pair(handler, eventId), k -> new AtomicInteger())
        .incrementAndGet();
  }

  /**
   * Marks a pair that may be applied again: its effect happened and then the store's complete
   * failed, or the worker died before it.
   *
   * @param handler the handler ID
   * @param eventId the record's event ID
   */
  public void mayRepeat(String handler, String eventId) {
    window.add(pair(handler, eventId));
  }

  /**
   * Returns how many times a pair was finished: applied or dead-lettered.
   *
   * @param handler the handler ID
   * @param eventId the record's event ID
   * @return the count
   */
  public int finished(String handler, String eventId) {
    return count(applied, handler, eventId) + count(deadLettered, handler, eventId);
  }

  int applications(String handler, String eventId) {
    return count(applied, handler, eventId);
  }

  boolean inWindow(String handler, String eventId) {
    return window.contains(pair(handler, eventId));
  }

  /**
   * Returns whether every pair is finished.
   *
   * @return {@code true} when nothing is left to do
   */
  public boolean allFinished() {
    for (Change c : changes) {
      for (String h : handlers) {
        if (finished(h, c.eventId()) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Returns the effects in the order they happened.
   *
   * @return a copy
   */
  public List<Effect> effects() {
    synchronized (effects) {
      return List.copyOf(effects);
    }
  }

  /**
   * Returns the number of side effects applied.
   *
   * @return the count
   */
  public int effectCount() {
    return effects.size();
  }

  /**
   * Returns the number of dead letters.
   *
   * @return the count
   */
  public int deadLetterCount() {
    return deadLettered.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private Change change(String eventId) {
    Change c = byEventId.get(eventId);
    if (c == null) {
      throw new IllegalArgumentException("not a change of this stream: " + eventId);
    }
    return c;
  }

  private static int count(Map<String, AtomicInteger> counts, String handler, String eventId) {
    AtomicInteger n = counts.get(pair(handler, eventId));
    return n == null ? 0 : n.get();
  }

  private static String pair(String handler, String eventId) {
    return handler + " " + eventId;
  }
}
