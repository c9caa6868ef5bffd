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
package dev.ddbstreams.emulator.internal.streams;

/**
 * The records of one shard in append order: one writer, any number of readers without locks.
 *
 * <p>Every record has an absolute index (0 for the shard's first record, never reused). The writer
 * appends and drops records from the front; readers take a {@link View}, an immutable window that
 * stays valid however the writer goes on, and read from it without copying. Readers never see a
 * record half-written: a record is stored before the index that makes it visible is published.
 *
 * <p>Writer methods ({@link #append}, {@link #dropBefore}) must not run concurrently with each
 * other; the stream store calls them under its lock.
 */
final class ShardLog {

  private static final int MIN_CAPACITY = 16;

  /** One stored record: its sequence number, creation time and finished JSON. */
  record Entry(long sequence, long createdMillis, String json, int jsonBytes) {}

  /** The storage: {@code entries[i]} holds the record at absolute index {@code base + i}. */
  private record Segment(Entry[] entries, long base) {}

  /** The first index not dropped, and the sequence number of the record before it (-1: none). */
  private record Front(long start, long droppedSequence) {}

  // Publication order, writer: segment, then entry, then end. Readers read end, then segment, then
  // front: the segment they see holds every record below the end they saw, from front.start on.
  private volatile Segment segment = new Segment(new Entry[MIN_CAPACITY], 0);
  private volatile Front front = new Front(0, -1);
  private volatile long end;

  /** Appends a record. Writer only. */
  void append(Entry entry) {
    long index = end;
    Segment s = segment;
    if (index - s.base() == s.entries().length) {
      s = copy(s, front.start(), index, Math.max(MIN_CAPACITY, 2 * (int) (index - front.start())));
      segment = s;
    }
    s.entries()[(int) (index - s.base())] = entry;
    end = index + 1;
  }

  /**
   * Drops the records below {@code index} (at most up to the end), so their memory can be freed.
   * Writer only.
   */
  void dropBefore(long index) {
    Front f = front;
    long last = end;
    long newStart = Math.min(index, last);
    if (newStart <= f.start()) {
      return;
    }
    Segment s = segment;
    long droppedSequence = s.entries()[(int) (newStart - 1 - s.base())].sequence();
    front = new Front(newStart, droppedSequence);
    long live = last - newStart;
    if (newStart - s.base() > live && s.entries().length > MIN_CAPACITY) {
      // Most of the array is dropped records: move the live ones to a smaller one.
      segment = copy(s, newStart, last, Math.max(MIN_CAPACITY, 2 * (int) live));
    }
  }

  private static Segment copy(Segment from, long start, long end, int capacity) {
    Entry[] entries = new Entry[capacity];
    System.arraycopy(from.entries(), (int) (start - from.base()), entries, 0, (int) (end - start));
    return new Segment(entries, start);
  }

  /** A consistent window of the log as it is now. */
  View view() {
    long e = end;
    Segment s = segment;
    Front f = front;
    return new View(s.entries(), s.base(), f.start(), e, f.droppedSequence());
  }

  /** The index after the last record. */
  long end() {
    return end;
  }

  /**
   * An immutable window of a shard's log: the records from {@link #start()} (inclusive) to {@link
   * #end()} (exclusive).
   */
  static final class View {
    private final Entry[] entries;
    private final long base;
    private final long start;
    private final long end;
    private final long droppedSequence;

    private View(Entry[] entries, long base, long start, long end, long droppedSequence) {
      this.entries = entries;
      this.base = base;
      this.start = start;
      this.end = end;
      this.droppedSequence = droppedSequence;
    }

    /** The index of the first record still held. */
    long start() {
      return start;
    }

    /** The index after the last record. */
    long end() {
      return end;
    }

    /** The record at an index from {@link #start()} to below {@link #end()}. */
    Entry get(long index) {
      return entries[(int) (index - base)];
    }

    /**
     * The first index at or after {@link #start()} whose record was created after {@code
     * cutoffMillis}; {@link #end()} if none was.
     */
    long firstCreatedAfter(long cutoffMillis) {
      long lo = start;
      long hi = end;
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        if (get(mid).createdMillis() > cutoffMillis) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    /** The first index at or after {@code from} whose sequence number is at least {@code seq}. */
    long firstWithSequenceAtLeast(long from, long seq) {
      long lo = from;
      long hi = end;
      while (lo < hi) {
        long mid = (lo + hi) >>> 1;
        if (get(mid).sequence() >= seq) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    /** The sequence number of the record before {@code index}, -1 if none is known. */
    long sequenceBefore(long index) {
      return index > start ? get(index - 1).sequence() : droppedSequence;
    }
  }
}
