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

import dev.ddbstreams.EventName;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.diff.ImageDiff;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.internal.record.LazyRecords;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One record of a batch as the router sees it: parsed once, with typed views and the diff made on
 * demand and shared by every handler of the record.
 */
final class RecordView {
  private static final ImageMapper<Object> NO_MAPPER =
      image -> {
        throw new IllegalStateException("untyped view");
      };

  final int index;
  final StreamRecord<Object> record;

  /** The record's undecoded images, or {@code null} when the raw record carries them. */
  final @Nullable LazyImages images;

  private @Nullable ImageMapper<?> typedMapper;
  private @Nullable StreamRecord<?> typed;
  private @Nullable ImageDiff diff;
  private @Nullable String keyName;
  private @Nullable String keyText;
  private @Nullable String otherKeyName;
  private @Nullable String otherKeyText;

  /**
   * Parses the record. {@code preferred} is the mapper its handlers most likely want; typed views
   * with that mapper cost nothing extra.
   */
  RecordView(
      int index, Record raw, @Nullable String streamArn, @Nullable ImageMapper<?> preferred) {
    this(index, raw, null, streamArn, preferred);
  }

  /** As above; with {@code images}, {@code raw} lacks its images, decoded on first read. */
  @SuppressWarnings("unchecked")
  RecordView(
      int index,
      Record raw,
      @Nullable LazyImages images,
      @Nullable String streamArn,
      @Nullable ImageMapper<?> preferred) {
    this.index = index;
    this.images = images;
    ImageMapper<Object> mapper = preferred == null ? NO_MAPPER : (ImageMapper<Object>) preferred;
    this.record =
        images == null
            ? StreamRecord.of(raw, mapper, streamArn)
            : LazyRecords.of(raw, images, mapper, streamArn);
    this.typedMapper = mapper;
    this.typed = record;
  }

  EventName eventName() {
    return record.eventName();
  }

  /** The sequence number, or null for a snapshot, which has none. */
  @Nullable SequenceNumber sequenceNumber() {
    return record.isSnapshot() ? null : record.sequenceNumber();
  }

  /** The record with images mapped by the given mapper; the last one is kept for the next call. */
  @SuppressWarnings("unchecked")
  <T> StreamRecord<T> typed(ImageMapper<T> mapper) {
    if (typedMapper != mapper) {
      typed = record.withMapper(mapper);
      typedMapper = mapper;
    }
    return (StreamRecord<T>) typed;
  }

  /**
   * The text of a key attribute for prefix matching: an S value, or the text of an N value.
   *
   * @throws MalformedRecordException if the record lacks the attribute or it is of another type
   */
  String keyText(String name) {
    String text = readableKeyText(name);
    if (text == null) {
      AttributeValue value = record.keys().get(name);
      SequenceNumber sequence = sequenceNumber();
      throw new MalformedRecordException(
          record.eventId(),
          sequence == null ? null : sequence.toString(),
          value == null
              ? "the record has no key attribute '" + name + "' that a key matcher needs"
              : "key attribute '" + name + "' is neither S nor N, so no prefix can match it");
    }
    return text;
  }

  /** {@link #keyText}, or null if the record lacks the attribute or it is neither S nor N. */
  @Nullable String readableKeyText(String name) {
    // Every handler asks for the same one or two key attributes: remember them.
    if (name.equals(keyName)) {
      return keyText;
    }
    if (name.equals(otherKeyName)) {
      return otherKeyText;
    }
    String text = readKeyText(name);
    if (text == null) {
      return null;
    }
    if (keyName == null) {
      keyName = name;
      keyText = text;
    } else {
      otherKeyName = name;
      otherKeyText = text;
    }
    return text;
  }

  private @Nullable String readKeyText(String name) {
    AttributeValue value = record.keys().get(name);
    if (value != null) {
      if (value.s() != null) {
        return value.s();
      }
      if (value.n() != null) {
        return value.n();
      }
    }
    return null;
  }

  /**
   * The diff between the images, shared by every handler of the record.
   *
   * @throws MissingImageException naming the consumer if the record lacks an image the diff needs
   */
  ImageDiff diff(String consumer) {
    if (diff == null) {
      try {
        diff = record.diff();
      } catch (MissingImageException e) {
        throw new MissingImageException(
            e.eventId(), e.sequenceNumber(), record.eventName(), e.image(), e.viewType(), consumer);
      }
    }
    return diff;
  }

  /** The record's coordinates and keys for logs: never other attribute values. */
  String describe() {
    return eventName()
        + " eventID="
        + record.eventId()
        + (record.isSnapshot() ? " snapshot" : " sequenceNumber=" + record.sequenceNumber())
        + " keys=["
        + KeyText.of(record.keys())
        + "]";
  }
}
