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

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders item keys for logs: {@code PK=USER#1, SK=PET#2}. Keys only, never other attributes. */
final class KeyText {
  private KeyText() {}

  static String of(Map<String, AttributeValue> keys) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(keys).entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      AttributeValue v = e.getValue();
      sb.append(e.getKey()).append('=');
      if (v.s() != null) {
        sb.append(v.s());
      } else if (v.n() != null) {
        sb.append(v.n());
      } else if (v.b() != null) {
        sb.append("<").append(v.b().asByteArrayUnsafe().length).append(" bytes>");
      } else {
        sb.append('?');
      }
    }
    return sb.toString();
  }
}
