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
package dev.ddbstreams.internal.record;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A batch of SDK records whose images are decoded on first read. As a {@code List<Record>} it is
 * complete: {@link #get} returns each record with its images (decoding them). The router reads it
 * through {@link #routing} and {@link #images} instead, so that a record no handler reads never
 * decodes its images.
 *
 * <p>Immutable apart from the images' caches; thread-safe.
 */
public final class LazyBatch extends AbstractList<Record> implements RandomAccess {
  private final Record[] withoutImages;
  private final @Nullable LazyImages[] images;

  /**
   * Creates the batch.
   *
   * @param withoutImages each record's metadata and keys, without its images
   * @param images each record's images, or {@code null} for a record that carries its images (or
   *     has none)
   */
  public LazyBatch(List<Record> withoutImages, List<@Nullable LazyImages> images) {
    if (withoutImages.size() != images.size()) {
      throw new IllegalArgumentException("one images entry per record");
    }
    this.withoutImages = withoutImages.toArray(new Record[0]);
    this.images = images.toArray(new LazyImages[0]);
  }

  /**
   * Returns a record with its images, decoding them on first use.
   *
   * @throws dev.ddbstreams.MalformedRecordException if an image cannot be decoded
   */
  @Override
  public Record get(int index) {
    LazyImages lazy = images[index];
    return lazy == null ? withoutImages[index] : lazy.full(withoutImages[index]);
  }

  @Override
  public int size() {
    return withoutImages.length;
  }

  /**
   * Returns the record the router routes on: for a lazy batch, its metadata and keys without the
   * images (reading them from it costs nothing); for any other list, the record itself.
   *
   * @param batch the batch
   * @param index the record's index
   * @return the record, perhaps without its images
   */
  public static Record routing(List<Record> batch, int index) {
    return batch instanceof LazyBatch lazy ? lazy.withoutImages[index] : batch.get(index);
  }

  /**
   * Returns a record's undecoded images.
   *
   * @param batch the batch
   * @param index the record's index
   * @return the images, or {@code null} if the record carries its images itself
   */
  public static @Nullable LazyImages images(List<Record> batch, int index) {
    return batch instanceof LazyBatch lazy ? lazy.images[index] : null;
  }

  /**
   * Returns the complete record when its images can be decoded, else the record without the images
   * that cannot: for a dead letter, which must be written whatever the record's state.
   *
   * @param withoutImages the record the router routed on
   * @param images its undecoded images, or {@code null} when the record carries its own
   * @return the most complete record available
   * @see LazyImages#bestEffort
   */
  public static Record bestEffort(Record withoutImages, @Nullable LazyImages images) {
    return images == null ? withoutImages : images.bestEffort(withoutImages);
  }

  /** Counts the records instead of printing them: their images may hold personal data. */
  @Override
  public String toString() {
    return "LazyBatch{records=" + withoutImages.length + '}';
  }
}
