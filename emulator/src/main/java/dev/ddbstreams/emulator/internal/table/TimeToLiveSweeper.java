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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The TTL sweeper: deletes items whose TTL attribute is a Number of epoch seconds before now, as
 * the service's background process does (there, within days; here, when called). Values more than
 * five years in the past and values of other types are ignored, as the service ignores them.
 */
final class TimeToLiveSweeper {

  /** The service ignores TTL values older than five years. */
  static final Duration IGNORED_AFTER = Duration.ofDays(5 * 365);

  private TimeToLiveSweeper() {}

  /** Runs one sweep; the caller holds the write lock. */
  static int sweep(Database db) {
    Instant now = db.clock.instant();
    BigDecimal nowSeconds = TableDescriptions.epochSeconds(now);
    BigDecimal oldest = TableDescriptions.epochSeconds(now.minus(IGNORED_AFTER));
    int deleted = 0;
    for (Table t : db.tables.values()) {
      String attribute = t.ttlAttribute;
      if (attribute == null) {
        continue;
      }
      List<Map<String, AttributeValue>> expired = new ArrayList<>();
      for (Map<String, AttributeValue> item : t.rows.values()) {
        AttributeValue v = item.get(attribute);
        if (v != null && v.type() == AttributeValue.Type.N) {
          BigDecimal ttl = new BigDecimal(v.n());
          if (ttl.compareTo(nowSeconds) < 0 && ttl.compareTo(oldest) >= 0) {
            expired.add(item);
          }
        }
      }
      for (Map<String, AttributeValue> item : expired) {
        db.apply(t, t.key.keyOf(item), null, true);
        deleted++;
      }
    }
    return deleted;
  }
}
