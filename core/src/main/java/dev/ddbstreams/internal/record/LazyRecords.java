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

import dev.ddbstreams.ImageMapper;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Makes {@code StreamRecord}s whose images are decoded on first read. {@code StreamRecord} keeps
 * the constructor private and installs its factory here when its class initializes, so the public
 * API has no method that takes an internal type, and this package does not depend on the record
 * type it makes (the factory's result is typed by the caller).
 */
public final class LazyRecords {
  /** What {@code StreamRecord} installs. */
  public interface Factory {
    /**
     * Creates a record.
     *
     * @param withoutImages the SDK record's metadata and keys
     * @param images its images, undecoded
     * @param mapper the image mapper
     * @param streamArn the stream ARN, or {@code null}
     * @param <T> the image type
     * @return the record, a {@code StreamRecord<T>}
     */
    <T> Object create(
        Record withoutImages, LazyImages images, ImageMapper<T> mapper, @Nullable String streamArn);
  }

  private static final String RECORD_CLASS = "dev.ddbstreams.StreamRecord";

  private static volatile @Nullable Factory factory;

  private LazyRecords() {}

  /**
   * Called once by {@code StreamRecord}'s static initializer.
   *
   * @param f the factory
   * @throws IllegalStateException if a factory is installed already
   */
  public static synchronized void install(Factory f) {
    if (factory != null) {
      throw new IllegalStateException("installed already");
    }
    factory = Objects.requireNonNull(f);
  }

  /**
   * Wraps a record whose images are decoded on first read.
   *
   * @param withoutImages the SDK record's metadata and keys, without images
   * @param images its images
   * @param mapper the image mapper
   * @param streamArn the stream ARN, or {@code null}
   * @param <T> the image type
   * @param <R> the record type, {@code StreamRecord<T>}
   * @return the record; its {@code raw()} is the complete SDK record, built on first call
   * @throws dev.ddbstreams.MalformedRecordException as {@code StreamRecord.of}
   */
  @SuppressWarnings("unchecked")
  public static <T, R> R of(
      Record withoutImages, LazyImages images, ImageMapper<T> mapper, @Nullable String streamArn) {
    Factory f = factory;
    if (f == null) {
      try {
        // Loading the class object does not run its initializer; this does.
        Class.forName(RECORD_CLASS, true, LazyRecords.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      f = Objects.requireNonNull(factory, "StreamRecord did not install its factory");
    }
    return (R) f.create(withoutImages, images, mapper, streamArn);
  }
}
