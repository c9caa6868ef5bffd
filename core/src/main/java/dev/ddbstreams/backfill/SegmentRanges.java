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
