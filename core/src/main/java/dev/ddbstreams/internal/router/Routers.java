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

import dev.ddbstreams.HandlerDefinitionException;
import dev.ddbstreams.HandlerInfo;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds a router's machinery from its settings and handler objects. */
public final class Routers {
  private Routers() {}

  /**
   * Scans the handlers and builds the batch processor.
   *
   * @param settings the checked settings
   * @param handlerObjects the handler objects, in registration order
   * @param settingProblems problems the builder already found in the settings
   * @return the batch processor and the handlers' descriptions
   * @throws HandlerDefinitionException with every problem found
   */
  public static Built build(
      RouterSettings settings, List<Object> handlerObjects, List<String> settingProblems) {
    HandlerScanner scanner = new HandlerScanner(settings.viewType());
    for (Object handler : handlerObjects) {
      scanner.scan(handler);
    }
    List<String> problems = new ArrayList<>(settingProblems);
    problems.addAll(scanner.problems());
    if (settings.idempotencyStore() != null) {
      for (HandlerMethod h : scanner.handlers()) {
        int bytes = IdempotencyKeys.longestKeyBytes(settings.idempotencyNamespace(), h.id);
        if (bytes > IdempotencyKeys.MAX_KEY_BYTES) {
          problems.add(
              String.format(
                  Locale.ROOT,
                  "%s: its idempotency keys could be %,d bytes (namespace, handler ID '%s' and"
                      + " %d for the record), more than DynamoDB's %,d-byte key limit; shorten the"
                      + " idempotencyNamespace or give the handler a shorter id",
                  h.name,
                  bytes,
                  h.id.length() > 60 ? h.id.substring(0, 60) + "..." : h.id,
                  IdempotencyKeys.RECORD_PART_BYTES,
                  IdempotencyKeys.MAX_KEY_BYTES));
        }
      }
    }
    IdempotencyStore store = settings.idempotencyStore();
    if (!(store instanceof TransactionalIdempotencyStore)) {
      for (HandlerMethod h : scanner.handlers()) {
        if (h.takesWrites()) {
          problems.add(
              h.name
                  + ": takes TransactionalWrites, whose writes the router commits in one DynamoDB"
                  + " transaction with the handler's idempotency record, so the router needs a"
                  + " DynamoDbIdempotencyStore (on the client of the tables written); "
                  + (store == null
                      ? "the router has no idempotency store: set one with idempotency(...)"
                      : "the router's store, "
                          + store.getClass().getSimpleName()
                          + ", cannot take part in a DynamoDB transaction"));
        }
      }
    }
    if (handlerObjects.isEmpty()) {
      problems.add("no handler objects were given; call handlers(...)");
    }
    if (!problems.isEmpty()) {
      throw new HandlerDefinitionException(problems);
    }
    List<HandlerMethod> handlers = scanner.handlers();
    List<HandlerInfo> descriptions =
        handlers.stream()
            .map(
                h ->
                    new HandlerInfo(
                        h.id,
                        h.name,
                        h.events(),
                        h.pkPrefixes(),
                        h.skPrefixes(),
                        h.ttl(),
                        h.changed(),
                        h.filter() == null ? "" : h.filter().json(),
                        h.snapshots()))
            .toList();
    return new Built(new BatchProcessor(settings, handlers), descriptions);
  }

  /** What {@link #build} returns. */
  public record Built(BatchProcessor processor, List<HandlerInfo> handlers) {}
}
