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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lazy images of a complete SDK record that count how often each is decoded; an image named
 * malformed fails to decode as a malformed JSON image does.
 */
public final class CountingImages extends LazyImages {
  public final AtomicInteger newDecodes = new AtomicInteger();
  public final AtomicInteger oldDecodes = new AtomicInteger();
  private final Record complete;
  private final Set<ImageKind> malformed;

  public CountingImages(Record complete, Set<ImageKind> malformed) {
    super(complete.dynamodb().hasNewImage(), complete.dynamodb().hasOldImage());
    this.complete = complete;
    this.malformed = malformed;
  }

  /** The record as an adapter that keeps images undecoded hands it over. */
  public static Record withoutImages(Record complete) {
    return complete.toBuilder()
        .dynamodb(complete.dynamodb().toBuilder().newImage(null).oldImage(null).build())
        .build();
  }

  /** A lazy batch of the records, each with its counting images. */
  public static LazyBatch batch(List<Record> complete, List<CountingImages> images) {
    return new LazyBatch(
        complete.stream().map(CountingImages::withoutImages).toList(), List.copyOf(images));
  }

  @Override
  protected Map<String, AttributeValue> decode(ImageKind kind) {
    (kind == ImageKind.NEW_IMAGE ? newDecodes : oldDecodes).incrementAndGet();
    if (malformed.contains(kind)) {
      throw new MalformedRecordException(
          complete.eventID(),
          complete.dynamodb().sequenceNumber(),
          "unknown attribute type Q at /Records/0/dynamodb/" + kind);
    }
    // A new map each time, as decoding does: callers must still see one instance.
    return Collections.unmodifiableMap(
        new HashMap<>(
            kind == ImageKind.NEW_IMAGE
                ? complete.dynamodb().newImage()
                : complete.dynamodb().oldImage()));
  }
}
