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
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.internal.record.LazyImages;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Parses a record and finds the handlers that take it, in dispatch order. Parsing and matching may
 * throw the bad-input exceptions ({@link Attempts#isBadInput}) for a record that lacks what a
 * matcher needs. Immutable and thread-safe.
 */
final class Dispatcher {
  private final List<FilterPattern> filters;
  private final DispatchTable table;
  // By event ordinal: the image mapper of the event's first handler that has one, or null.
  private final @Nullable ImageMapper<?>[] preferredMappers;

  Dispatcher(RouterSettings settings, List<HandlerMethod> handlers) {
    this.filters = settings.filters();
    this.table = new DispatchTable(handlers, settings.partitionKey(), settings.sortKey());
    this.preferredMappers = new ImageMapper<?>[EventName.values().length];
    for (EventName event : EventName.values()) {
      for (HandlerMethod h : table.handlers(event)) {
        if (h.imageMapper() != null) {
          preferredMappers[event.ordinal()] = h.imageMapper();
          break;
        }
      }
    }
  }

  /** Parses the record, preparing the typed view its first handler most likely wants. */
  RecordView view(int index, Record raw, @Nullable LazyImages images, @Nullable String streamArn) {
    return new RecordView(index, raw, images, streamArn, preferredMapper(raw));
  }

  /** Whether the record matches one of the router's filter patterns, or there are none. */
  boolean passesRouterFilters(RecordView view) {
    if (filters.isEmpty()) {
      return true;
    }
    for (int i = 0; i < filters.size(); i++) {
      if (filters.get(i).matches(view.record)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The handlers that take the record, in dispatch order (declaration order); the array is shared:
   * do not modify it.
   */
  HandlerMethod[] match(RecordView view) {
    return table.match(view);
  }

  /** The image mapper of the first handler of the record's event, if it has one. */
  private @Nullable ImageMapper<?> preferredMapper(Record raw) {
    EventName event = EventName.fromWireName(raw.eventNameAsString()).orElse(null);
    return event == null ? null : preferredMappers[event.ordinal()];
  }
}
