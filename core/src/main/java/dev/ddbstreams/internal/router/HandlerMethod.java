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
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.filter.FilterPattern;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One handler as the router runs it: a matcher made from its annotation and a {@link HandlerCall}
 * made once at build time. Immutable and thread-safe.
 */
final class HandlerMethod {
  /** What a handler parameter receives. */
  enum Arg {
    RECORD,
    IMAGE,
    DIFF,
    CONTEXT,
    WRITES
  }

  final String id;

  /** {@code List.of(id)}, made once: most records have one handler, and this is their outcome's. */
  final List<String> idList;

  final String name;
  private final EnumSet<EventName> events;
  private final List<String> pkPrefixes;
  private final List<String> skPrefixes;
  private final TtlMatch ttl;
  private final List<String> changed;
  private final SnapshotMatch snapshots;
  private final @Nullable FilterPattern filter;
  private final @Nullable ImageMapper<?> mapper;
  private final Arg[] args;
  private final HandlerCall call;
  // The call typed by arity, so that invoking it needs no cast: exactly one is set.
  private final HandlerCall.@Nullable Of0 call0;
  private final HandlerCall.@Nullable Of1 call1;
  private final HandlerCall.@Nullable Of2 call2;
  private final HandlerCall.@Nullable Of3 call3;
  private final HandlerCall.@Nullable Of4 call4;
  private final boolean needsContext;
  private final boolean takesWrites;

  HandlerMethod(
      String id,
      String name,
      EnumSet<EventName> events,
      List<String> pkPrefixes,
      List<String> skPrefixes,
      TtlMatch ttl,
      List<String> changed,
      SnapshotMatch snapshots,
      @Nullable FilterPattern filter,
      @Nullable ImageMapper<?> mapper,
      Arg[] args,
      HandlerCall call) {
    this.id = id;
    this.idList = List.of(id);
    this.name = name;
    this.events = events;
    this.pkPrefixes = List.copyOf(pkPrefixes);
    this.skPrefixes = List.copyOf(skPrefixes);
    this.ttl = ttl;
    this.changed = List.copyOf(changed);
    this.snapshots = snapshots;
    this.filter = filter;
    this.mapper = mapper;
    this.args = args.clone();
    if (args.length > HandlerCalls.maxArity()) {
      throw new IllegalArgumentException(name + ": too many parameters");
    }
    this.call = call;
    this.call0 = args.length == 0 ? (HandlerCall.Of0) call : null;
    this.call1 = args.length == 1 ? (HandlerCall.Of1) call : null;
    this.call2 = args.length == 2 ? (HandlerCall.Of2) call : null;
    this.call3 = args.length == 3 ? (HandlerCall.Of3) call : null;
    this.call4 = args.length == 4 ? (HandlerCall.Of4) call : null;
    this.needsContext = Arrays.asList(args).contains(Arg.CONTEXT);
    this.takesWrites = Arrays.asList(args).contains(Arg.WRITES);
  }

  /** Whether the handler takes a {@link StreamContext}, which is then made for each call. */
  boolean needsContext() {
    return needsContext;
  }

  /**
   * Whether the handler takes {@link TransactionalWrites}, which are then made for each call and
   * committed with its idempotency record.
   */
  boolean takesWrites() {
    return takesWrites;
  }

  EnumSet<EventName> events() {
    return EnumSet.copyOf(events);
  }

  List<String> pkPrefixes() {
    return pkPrefixes;
  }

  List<String> skPrefixes() {
    return skPrefixes;
  }

  TtlMatch ttl() {
    return ttl;
  }

  List<String> changed() {
    return changed;
  }

  SnapshotMatch snapshots() {
    return snapshots;
  }

  @Nullable FilterPattern filter() {
    return filter;
  }

  /**
   * Whether the handler takes this record: every matcher, one handler at a time, in the order the
   * checks have always run. May throw for a record missing what a matcher needs. The router asks
   * {@link DispatchTable} instead, which gives the same answer; this is its reference and its
   * fallback for records whose keys cannot be read.
   */
  boolean matches(RecordView view, String pkName, @Nullable String skName) {
    // The processor only asks handlers of the record's event.
    if (!takesSnapshot(view.record.isSnapshot())
        || !takesExpiry(view.eventName(), view.record.isTtlExpiry())) {
      return false;
    }
    if (!pkPrefixes.isEmpty() && !startsWithAny(view.keyText(pkName), pkPrefixes)) {
      return false;
    }
    if (!skPrefixes.isEmpty()
        && (skName == null || !startsWithAny(view.keyText(skName), skPrefixes))) {
      return false;
    }
    return matchesContent(view);
  }

  /** Whether the handler's snapshot setting takes a record that is, or is not, a snapshot. */
  boolean takesSnapshot(boolean snapshot) {
    return snapshot ? snapshots != SnapshotMatch.EXCLUDE : snapshots != SnapshotMatch.ONLY;
  }

  /** Whether the handler's TTL setting takes a record of the event that is, or is not, expiry. */
  boolean takesExpiry(EventName event, boolean expiry) {
    return event != EventName.REMOVE || ttl == TtlMatch.INCLUDE || expiry == (ttl == TtlMatch.ONLY);
  }

  /**
   * Whether the handler has matchers beyond the event, keys, snapshots and TTL for records of the
   * event: a filter, or changed attributes of a MODIFY.
   */
  boolean checksContent(EventName event) {
    return filter != null || (!changed.isEmpty() && event == EventName.MODIFY);
  }

  /**
   * The filter and changed-attribute matchers, for a record that passed every other. May throw for
   * a record missing the image a diff needs.
   */
  boolean matchesContent(RecordView view) {
    if (filter != null && !filter.matches(view.record)) {
      return false;
    }
    if (!changed.isEmpty() && view.eventName() == EventName.MODIFY) {
      var diff = view.diff(name);
      for (int i = 0; i < changed.size(); i++) {
        if (diff.changed(changed.get(i))) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  private static boolean startsWithAny(String value, List<String> prefixes) {
    for (int i = 0; i < prefixes.size(); i++) {
      if (value.startsWith(prefixes.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Calls the handler; whatever it throws is passed on unchanged. No argument array is made: the
   * call was typed by arity at build time.
   */
  void invoke(RecordView view, @Nullable StreamContext context) throws Throwable {
    invoke(view, context, null);
  }

  /**
   * {@link #invoke(RecordView, StreamContext)} with the writes a transactional handler stages on.
   */
  void invoke(
      RecordView view, @Nullable StreamContext context, @Nullable TransactionalWrites writes)
      throws Throwable {
    switch (args.length) {
      case 0 -> call0.call();
      case 1 -> call1.call(argument(0, view, context, writes));
      case 2 -> call2.call(argument(0, view, context, writes), argument(1, view, context, writes));
      case 3 ->
          call3.call(
              argument(0, view, context, writes),
              argument(1, view, context, writes),
              argument(2, view, context, writes));
      default ->
          call4.call(
              argument(0, view, context, writes),
              argument(1, view, context, writes),
              argument(2, view, context, writes),
              argument(3, view, context, writes));
    }
  }

  private @Nullable Object argument(
      int i,
      RecordView view,
      @Nullable StreamContext context,
      @Nullable TransactionalWrites writes) {
    return switch (args[i]) {
      case RECORD -> view.typed(mapper());
      case IMAGE ->
          view.typed(mapper())
              .requireImage(
                  view.eventName() == EventName.REMOVE ? ImageKind.OLD_IMAGE : ImageKind.NEW_IMAGE,
                  name);
      case DIFF -> view.diff(name);
      case CONTEXT -> context;
      case WRITES -> writes;
    };
  }

  /** The mapper of the handler's image type, or null if it takes no image. */
  @Nullable ImageMapper<?> imageMapper() {
    return mapper;
  }

  private ImageMapper<?> mapper() {
    if (mapper == null) {
      throw new IllegalStateException("no mapper for " + name);
    }
    return mapper;
  }

  @Override
  public String toString() {
    return name;
  }
}
