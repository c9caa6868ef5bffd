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

import dev.ddbstreams.ImageKind;
import dev.ddbstreams.MalformedRecordException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The images of one stream record, kept in an adapter's form (such as a byte range of the event
 * JSON) and decoded into attribute values on first read, at most once each.
 *
 * <p>Whether an image is present is known without decoding it, so routing, {@link
 * dev.ddbstreams.StreamRecord#hasImage} and the view-type checks cost nothing. A record that no
 * handler reads never decodes its images.
 *
 * <p>Thread-safe: decoding has no side effect and gives equal maps each time, and the first decoded
 * map is published with a compare-and-set, so every reader on every thread gets the same instance.
 * Two threads reading an image for the first time at once may both decode it; one result is kept.
 */
public abstract class LazyImages {
  private static final VarHandle NEW_IMAGE;
  private static final VarHandle OLD_IMAGE;
  private static final VarHandle FULL;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      NEW_IMAGE = lookup.findVarHandle(LazyImages.class, "newImage", Map.class);
      OLD_IMAGE = lookup.findVarHandle(LazyImages.class, "oldImage", Map.class);
      FULL = lookup.findVarHandle(LazyImages.class, "full", Record.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final boolean hasNewImage;
  private final boolean hasOldImage;

  @SuppressWarnings("unused") // through NEW_IMAGE
  private volatile @Nullable Map<String, AttributeValue> newImage;

  @SuppressWarnings("unused") // through OLD_IMAGE
  private volatile @Nullable Map<String, AttributeValue> oldImage;

  @SuppressWarnings("unused") // through FULL
  private volatile @Nullable Record full;

  /**
   * Creates the images of a record.
   *
   * @param hasNewImage whether the record carries a new image
   * @param hasOldImage whether the record carries an old image
   */
  protected LazyImages(boolean hasNewImage, boolean hasOldImage) {
    this.hasNewImage = hasNewImage;
    this.hasOldImage = hasOldImage;
  }

  /**
   * Returns whether the record carries an image, without decoding it.
   *
   * @param kind the image
   * @return {@code true} if present
   */
  public final boolean has(ImageKind kind) {
    return kind == ImageKind.NEW_IMAGE ? hasNewImage : hasOldImage;
  }

  /**
   * Returns an image the record carries, decoding it on the first call.
   *
   * @param kind the image; {@link #has} must be {@code true}
   * @return the attributes, unmodifiable
   * @throws MalformedRecordException if the image cannot be decoded; it names the record and the
   *     attribute path, never a value, and is thrown again on every call
   * @throws IllegalStateException if the record does not carry the image
   */
  @SuppressWarnings("unchecked")
  public final Map<String, AttributeValue> image(ImageKind kind) {
    if (!has(kind)) {
      throw new IllegalStateException("the record carries no " + kind);
    }
    VarHandle slot = kind == ImageKind.NEW_IMAGE ? NEW_IMAGE : OLD_IMAGE;
    Map<String, AttributeValue> image = (Map<String, AttributeValue>) slot.getAcquire(this);
    if (image != null) {
      return image;
    }
    Map<String, AttributeValue> decoded = decode(kind);
    Object witness = slot.compareAndExchangeRelease(this, null, decoded);
    return witness == null ? decoded : (Map<String, AttributeValue>) witness;
  }

  /**
   * Returns the SDK record with its images: the given record without images, completed with the
   * decoded ones. Built on the first call and kept.
   *
   * @param withoutImages the record's metadata and keys, as the adapter built it
   * @return the complete record, equal to what an eager decoder builds
   * @throws MalformedRecordException if an image cannot be decoded
   */
  public final Record full(Record withoutImages) {
    Record record = (Record) FULL.getAcquire(this);
    if (record != null) {
      return record;
    }
    Record built = withoutImages;
    if ((hasNewImage || hasOldImage) && withoutImages.dynamodb() != null) {
      var body = withoutImages.dynamodb().toBuilder();
      if (hasNewImage) {
        body.newImage(image(ImageKind.NEW_IMAGE));
      }
      if (hasOldImage) {
        body.oldImage(image(ImageKind.OLD_IMAGE));
      }
      built = withoutImages.toBuilder().dynamodb(body.build()).build();
    }
    Object witness = FULL.compareAndExchangeRelease(this, null, built);
    return witness == null ? built : (Record) witness;
  }

  /**
   * Returns the complete record when both images decode, else the record with the images that do:
   * for a dead letter, which must be written whatever the record's state (its failure says which
   * image is malformed and where). A good image is never dropped because the other one is bad.
   *
   * @param withoutImages the record's metadata and keys, as the adapter built it
   * @return the most complete record available
   */
  public final Record bestEffort(Record withoutImages) {
    try {
      return full(withoutImages);
    } catch (RuntimeException undecodable) {
      // Below: each image on its own.
    }
    if (withoutImages.dynamodb() == null) {
      return withoutImages;
    }
    var body = withoutImages.dynamodb().toBuilder();
    for (ImageKind kind : ImageKind.values()) {
      if (has(kind)) {
        try {
          Map<String, AttributeValue> image = image(kind);
          if (kind == ImageKind.NEW_IMAGE) {
            body.newImage(image);
          } else {
            body.oldImage(image);
          }
        } catch (RuntimeException undecodable) {
          // Left out: the dead letter's failure names it.
        }
      }
    }
    return withoutImages.toBuilder().dynamodb(body.build()).build();
  }

  /**
   * Decodes an image. Called at most once per image and thread until one result is kept.
   *
   * @param kind an image the record carries
   * @return the attributes, unmodifiable
   * @throws MalformedRecordException if the image cannot be decoded, naming the record and the
   *     attribute path but no value
   */
  protected abstract Map<String, AttributeValue> decode(ImageKind kind);
}
