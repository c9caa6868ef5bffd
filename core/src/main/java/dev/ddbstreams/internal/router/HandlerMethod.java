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
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One handler as the router runs it: a matcher made from its annotation and a method handle bound
 * once at build time. Immutable and thread-safe.
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
  private final MethodHandle invoker;
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
      MethodHandle invoker) {
    this.id = id;
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
    this.invoker = invoker;
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
   * Calls the handler; whatever it throws is passed on. Handlers of up to two parameters are called
   * without an argument array; the invoker's type was adapted to match at build time.
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
      case 0 -> invoker.invokeExact();
      case 1 -> invoker.invokeExact(argument(0, view, context, writes));
      case 2 ->
          invoker.invokeExact(
              argument(0, view, context, writes), argument(1, view, context, writes));
      default -> {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
          values[i] = argument(i, view, context, writes);
        }
        invoker.invokeExact(values);
      }
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
