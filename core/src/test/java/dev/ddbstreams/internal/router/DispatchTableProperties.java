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

import dev.ddbstreams.EventName;
import dev.ddbstreams.Gen;
import dev.ddbstreams.SeededCases;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.filter.FilterPattern;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The dispatch table against the plain reading of the handlers' matchers: ask every handler of the
 * record's event, in declaration order, whether it takes the record. Random handler sets (prefixes
 * drawn from a small alphabet so that they nest and collide, some sets of more than 64 handlers)
 * and random records (keys of every type or missing, snapshots, TTL deletes, images missing).
 */
class DispatchTableProperties {
  private static final String ALPHABET = "AB#1";
  private static final List<String> FILTERS =
      List.of(
          "{\"eventName\": [\"INSERT\", \"REMOVE\"]}",
          "{\"dynamodb\": {\"NewImage\": {\"a\": {\"S\": [\"x\"]}}}}",
          "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"A\"}]}}}}");

  /** One case: a router's key names, its handlers in declaration order, and records. */
  record Case(
      String pkName, @Nullable String skName, List<HandlerMethod> handlers, List<Record> records) {
    @Override
    public String toString() {
      List<String> shapes = new ArrayList<>();
      for (HandlerMethod h : handlers) {
        shapes.add(
            h.name
                + h.events()
                + " pk="
                + h.pkPrefixes()
                + " sk="
                + h.skPrefixes()
                + " ttl="
                + h.ttl()
                + " snapshots="
                + h.snapshots()
                + " changed="
                + h.changed()
                + (h.filter() == null ? "" : " filter=" + h.filter().json()));
      }
      List<String> recs = new ArrayList<>();
      for (Record r : records) {
        recs.add(
            r.eventNameAsString()
                + " "
                + r.eventSource()
                + " keys="
                + r.dynamodb().keys()
                + " old="
                + r.dynamodb().oldImage()
                + " new="
                + r.dynamodb().newImage()
                + " ttl="
                + (r.userIdentity() != null));
      }
      return "keys " + pkName + "/" + skName + ", handlers " + shapes + ", records " + recs;
    }
  }

  @Test
  void matchesTheHandlersALinearScanMatchesInTheSameOrder() {
    SeededCases.check(
        300,
        DispatchTableProperties::aCase,
        Case::toString,
        c -> {
          DispatchTable table = new DispatchTable(c.handlers(), c.pkName(), c.skName());
          for (Record r : c.records()) {
            assertThat(answer(() -> names(table.match(view(r)))))
                .as("record %s", r.eventID())
                .isEqualTo(answer(() -> linearScan(c, view(r))));
          }
        });
  }

  @Test
  void aRecordMatchingOneHandlerGetsAnArrayMadeAtBuildTime() {
    SeededCases.check(
        100,
        DispatchTableProperties::aCase,
        Case::toString,
        c -> {
          DispatchTable table = new DispatchTable(c.handlers(), c.pkName(), c.skName());
          int seen = 0;
          for (Record r : c.records()) {
            HandlerMethod[] first;
            try {
              first = table.match(view(r));
            } catch (RuntimeException malformed) {
              continue;
            }
            if (first.length <= 1) {
              assertThat(table.match(view(r))).isSameAs(first);
              seen++;
            }
          }
          if (seen == 0) {
            SeededCases.reject();
          }
        });
  }

  private static List<String> linearScan(Case c, RecordView view) {
    List<String> matched = new ArrayList<>();
    for (HandlerMethod h : c.handlers()) {
      if (h.events().contains(view.eventName()) && h.matches(view, c.pkName(), c.skName())) {
        matched.add(h.name);
      }
    }
    return matched;
  }

  private static List<String> names(HandlerMethod[] handlers) {
    List<String> names = new ArrayList<>();
    for (HandlerMethod h : handlers) {
      names.add(h.name);
    }
    return names;
  }

  /** The handlers' names, or the exception's type and message: both sides must agree on either. */
  private static String answer(Supplier<List<String>> match) {
    try {
      return match.get().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static RecordView view(Record r) {
    return new RecordView(0, r, null, null);
  }

  static Case aCase(Gen gen) {
    int count = gen.chance(0.15) ? gen.between(60, 140) : gen.between(0, 12);
    List<HandlerMethod> handlers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      handlers.add(handler(gen, "h" + i));
    }
    List<Record> records = new ArrayList<>();
    int size = gen.between(1, 30);
    for (int i = 0; i < size; i++) {
      records.add(record(gen, i));
    }
    return new Case("PK", gen.chance(0.8) ? "SK" : null, handlers, records);
  }

  private static HandlerMethod handler(Gen gen, String name) {
    EnumSet<EventName> events = EnumSet.noneOf(EventName.class);
    while (events.isEmpty()) {
      for (EventName e : EventName.values()) {
        if (gen.bool()) {
          events.add(e);
        }
      }
    }
    FilterPattern filter = gen.chance(0.2) ? FilterPattern.parse(gen.oneOf(FILTERS)) : null;
    return new HandlerMethod(
        name,
        name,
        events,
        prefixes(gen),
        prefixes(gen),
        gen.oneOf(TtlMatch.values()),
        gen.chance(0.2) ? gen.uniqueList(1, 2, () -> gen.oneOf("a", "b")) : List.of(),
        gen.oneOf(SnapshotMatch.values()),
        filter,
        null,
        new HandlerMethod.Arg[0],
        HandlerCalls.ofHandle(MethodHandles.empty(MethodType.methodType(void.class))));
  }

  private static List<String> prefixes(Gen gen) {
    if (gen.chance(0.4)) {
      return List.of();
    }
    // Rarely an empty prefix, which the scanner refuses but the table must still read right.
    return gen.list(1, 3, () -> gen.chance(0.03) ? "" : gen.string(ALPHABET, 1, 3));
  }

  private static Record record(Gen gen, int i) {
    String event = gen.oneOf("INSERT", "MODIFY", "REMOVE");
    boolean snapshot = event.equals("INSERT") && gen.chance(0.2);
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    key(gen, keys, "PK");
    key(gen, keys, "SK");
    Map<String, AttributeValue> oldImage = event.equals("INSERT") ? null : image(gen, keys);
    Map<String, AttributeValue> newImage = event.equals("REMOVE") ? null : image(gen, keys);
    Record.Builder b =
        Record.builder()
            .eventID("event-" + i)
            .eventName(event)
            .eventSource(snapshot ? StreamRecord.SNAPSHOT_EVENT_SOURCE : "aws:dynamodb")
            .dynamodb(
                d -> {
                  d.keys(keys)
                      .streamViewType("NEW_AND_OLD_IMAGES")
                      .approximateCreationDateTime(Instant.parse("2026-11-24T08:00:00Z"));
                  if (!snapshot) {
                    d.sequenceNumber(String.valueOf(100 + i));
                  }
                  if (oldImage != null) {
                    d.oldImage(oldImage);
                  }
                  if (newImage != null || snapshot) {
                    d.newImage(newImage == null ? keys : newImage);
                  }
                });
    if (event.equals("REMOVE") && gen.chance(0.4)) {
      b.userIdentity(
          Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build());
    }
    return b.build();
  }

  private static void key(Gen gen, Map<String, AttributeValue> keys, String name) {
    int kind = gen.between(0, 19);
    if (kind == 0) {
      return; // missing
    }
    if (kind == 1) {
      keys.put(name, AttributeValue.fromB(SdkBytes.fromUtf8String("AB")));
    } else if (kind <= 3) {
      keys.put(name, AttributeValue.fromN(gen.digits(1, 4)));
    } else {
      keys.put(name, AttributeValue.fromS(gen.string(ALPHABET, 0, 5)));
    }
  }

  /** The keys and attributes a and b, or sometimes no image at all (a diff then fails). */
  private static @Nullable Map<String, AttributeValue> image(
      Gen gen, Map<String, AttributeValue> keys) {
    if (gen.chance(0.1)) {
      return null;
    }
    Map<String, AttributeValue> image = new LinkedHashMap<>(keys);
    for (String name : List.of("a", "b")) {
      if (gen.bool()) {
        image.put(name, AttributeValue.fromS(gen.oneOf("x", "y")));
      }
    }
    return image;
  }
}
