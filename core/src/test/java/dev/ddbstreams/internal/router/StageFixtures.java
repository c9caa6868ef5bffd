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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Records, handlers and a recording sleeper for the stage tests. */
final class StageFixtures {
  private StageFixtures() {}

  static Record record(String pk, String seq) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("X"));
    return Record.builder()
        .eventID("event-" + seq)
        .eventName("INSERT")
        .dynamodb(
            d ->
                d.keys(keys)
                    .newImage(keys)
                    .sequenceNumber(seq)
                    .streamViewType("NEW_AND_OLD_IMAGES")
                    .approximateCreationDateTime(Instant.parse("2026-11-24T08:00:00Z")))
        .build();
  }

  static RecordView view(String pk, String seq) {
    return new RecordView(0, record(pk, seq), null, null);
  }

  /** The one handler method of an object. */
  static HandlerMethod handlerOf(Object target) {
    HandlerScanner scanner = new HandlerScanner(null);
    scanner.scan(target);
    if (!scanner.problems().isEmpty()) {
      throw new IllegalArgumentException(scanner.problems().toString());
    }
    return scanner.handlers().get(0);
  }

  /** A handler that throws the next of its scripted throwables, then succeeds. */
  static final class Scripted {
    final List<Throwable> script = new ArrayList<>();
    int calls;

    Scripted(Throwable... throwables) {
      script.addAll(List.of(throwables));
    }

    @OnChange
    void handle(StreamRecord<Map<String, Object>> change) throws Throwable {
      calls++;
      if (!script.isEmpty()) {
        throw script.remove(0);
      }
    }
  }

  /** Records every wait; says the wait was interrupted when told to. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    volatile boolean interrupted;

    @Override
    public boolean sleep(Duration duration) {
      waits.add(duration);
      return !interrupted;
    }
  }
}
