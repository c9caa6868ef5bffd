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
package dev.ddbstreams.backfill;

import java.util.List;
import java.util.StringJoiner;

/** Writes segment numbers as ranges, {@code 0-3, 5, 7-9}, for reports and logs. */
final class SegmentRanges {
  private SegmentRanges() {}

  static String of(List<Integer> sortedSegments) {
    if (sortedSegments.isEmpty()) {
      return "none";
    }
    StringJoiner out = new StringJoiner(", ");
    int start = sortedSegments.get(0);
    int previous = start;
    for (int i = 1; i <= sortedSegments.size(); i++) {
      if (i < sortedSegments.size() && sortedSegments.get(i) == previous + 1) {
        previous = sortedSegments.get(i);
        continue;
      }
      out.add(start == previous ? Integer.toString(start) : start + "-" + previous);
      if (i < sortedSegments.size()) {
        start = sortedSegments.get(i);
        previous = start;
      }
    }
    return out.toString();
  }
}
