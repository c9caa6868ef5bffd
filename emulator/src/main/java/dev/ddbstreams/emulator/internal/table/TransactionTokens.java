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
package dev.ddbstreams.emulator.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code ClientRequestToken}s of successful TransactWriteItems calls, kept ten minutes by the
 * database clock: the same token with the same request answers the first success again without
 * applying anything; with another request it is an {@code IdempotentParameterMismatchException}.
 * Guarded by the database's write lock.
 */
final class TransactionTokens {

  static final Duration LIFETIME = Duration.ofMinutes(10);

  private record Entry(String request, Instant at, JsonNode response) {}

  private final Map<String, Entry> tokens = new LinkedHashMap<>();

  /** The earlier answer to this token and request, or null if the token is new or expired. */
  @Nullable JsonNode replay(String token, String request, Instant now) {
    for (Iterator<Entry> it = tokens.values().iterator(); it.hasNext(); ) {
      if (!it.next().at.plus(LIFETIME).isAfter(now)) {
        it.remove();
      } else {
        break;
      }
    }
    Entry e = tokens.get(token);
    if (e == null) {
      return null;
    }
    if (!e.request.equals(request)) {
      throw AwsException.dynamo(
          400,
          "IdempotentParameterMismatchException",
          "Request parameters do not match those of a previous request with the same client"
              + " token");
    }
    return e.response;
  }

  void remember(String token, String request, Instant now, JsonNode response) {
    tokens.put(token, new Entry(request, now, response));
  }
}
