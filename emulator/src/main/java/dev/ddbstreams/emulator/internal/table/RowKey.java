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

import dev.ddbstreams.emulator.internal.value.Values;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a row sits in a table or index: ordered by the hash of its partition key (as the service
 * spreads partitions, which gives Scan its stable order and parallel scan its segments), then the
 * partition key itself, then the sort key; index rows add the table's key, since index keys need
 * not be unique. Bounds ({@link #partitionStart}, {@link #partitionEnd}) select one whole
 * partition.
 */
final class RowKey implements Comparable<RowKey> {

  final long hash;
  final AttributeValue partition;
  final @Nullable AttributeValue sort;
  final @Nullable RowKey base;
  private final int bound;

  private RowKey(
      long hash,
      AttributeValue partition,
      @Nullable AttributeValue sort,
      @Nullable RowKey base,
      int bound) {
    this.hash = hash;
    this.partition = partition;
    this.sort = sort;
    this.base = base;
    this.bound = bound;
  }

  static RowKey of(AttributeValue partition, @Nullable AttributeValue sort) {
    return new RowKey(hash(partition), partition, sort, null, 0);
  }

  static RowKey indexRow(AttributeValue partition, @Nullable AttributeValue sort, RowKey base) {
    return new RowKey(hash(partition), partition, sort, base, 0);
  }

  /** Sorts before every row of the partition. */
  static RowKey partitionStart(AttributeValue partition) {
    return new RowKey(hash(partition), partition, null, null, -1);
  }

  /** Sorts after every row of the partition. */
  static RowKey partitionEnd(AttributeValue partition) {
    return new RowKey(hash(partition), partition, null, null, 1);
  }

  /** Sorts before every row whose hash is at least {@code hash}. */
  static RowKey hashStart(long hash) {
    return new RowKey(hash, AttributeValue.fromNul(true), null, null, -2);
  }

  @Override
  public int compareTo(RowKey o) {
    int c = Long.compareUnsigned(hash, o.hash);
    if (c != 0) {
      return c;
    }
    if (bound == -2 || o.bound == -2) {
      return Integer.compare(bound == -2 ? -1 : 0, o.bound == -2 ? -1 : 0);
    }
    c = Values.compare(partition, o.partition);
    if (c != 0) {
      return c;
    }
    if (bound != 0 || o.bound != 0) {
      return Integer.compare(bound, o.bound);
    }
    if (sort != null && o.sort != null) {
      c = Values.compare(sort, o.sort);
      if (c != 0) {
        return c;
      }
    }
    if (base != null && o.base != null) {
      return base.compareTo(o.base);
    }
    return 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RowKey && compareTo((RowKey) o) == 0;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hash);
  }

  /** The segment of a parallel scan that a hash falls in. */
  static int segmentOf(long hash, int totalSegments) {
    return (int) Math.multiplyHigh(hash >>> 1, (long) totalSegments << 1);
  }

  /** The smallest hash of a segment. */
  static long segmentStart(int segment, int totalSegments) {
    // ceil(segment * 2^63 / totalSegments), shifted back to the full 64-bit range
    BigInteger start =
        BigInteger.valueOf(segment)
            .shiftLeft(63)
            .add(BigInteger.valueOf(totalSegments - 1L))
            .divide(BigInteger.valueOf(totalSegments));
    return start.longValue() << 1;
  }

  /** A stable 64-bit hash of a key value (FNV-1a over type and bytes, then mixed). */
  static long hash(AttributeValue v) {
    long h = 0xcbf29ce484222325L;
    h = (h ^ v.type().ordinal()) * 0x100000001b3L;
    byte[] bytes =
        switch (v.type()) {
          case S -> v.s().getBytes(StandardCharsets.UTF_8);
          case N -> v.n().getBytes(StandardCharsets.US_ASCII);
          case B -> v.b().asByteArrayUnsafe();
          default -> new byte[0];
        };
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
