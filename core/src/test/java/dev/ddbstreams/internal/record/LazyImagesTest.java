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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class LazyImagesTest {
  private static final ImageMapper<Map<String, AttributeValue>> AS_IS = image -> image;

  static Record record(String eventName, String viewType, boolean withOld, boolean withNew) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS("USER#1"), "SK", AttributeValue.fromS("PET#1"));
    var body =
        software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
            .keys(keys)
            .sequenceNumber("100")
            .sizeBytes(10L)
            .streamViewType(viewType)
            .approximateCreationDateTime(Instant.parse("2026-11-24T08:00:00Z"));
    if (withOld) {
      body.oldImage(Map.of("PK", keys.get("PK"), "weightKg", AttributeValue.fromN("4")));
    }
    if (withNew) {
      body.newImage(Map.of("PK", keys.get("PK"), "weightKg", AttributeValue.fromN("5")));
    }
    return Record.builder()
        .eventID("e1")
        .eventName(eventName)
        .eventSource("aws:dynamodb")
        .dynamodb(body.build())
        .build();
  }

  @Test
  void decodesEachImageOnceAndOnlyWhenRead() {
    Record complete = record("MODIFY", "NEW_AND_OLD_IMAGES", true, true);
    CountingImages images = new CountingImages(complete, Set.of());
    StreamRecord<Map<String, AttributeValue>> lazy =
        LazyRecords.of(CountingImages.withoutImages(complete), images, AS_IS, null);

    assertThat(lazy.eventId()).isEqualTo("e1");
    assertThat(lazy.keys()).containsOnlyKeys("PK", "SK");
    assertThat(lazy.hasImage(ImageKind.OLD_IMAGE)).isTrue();
    assertThat(lazy.toString()).contains("e1");
    assertThat(images.newDecodes).hasValue(0);
    assertThat(images.oldDecodes).hasValue(0);

    assertThat(lazy.newImage()).contains(complete.dynamodb().newImage());
    assertThat(lazy.withMapper(AS_IS).newImage()).contains(complete.dynamodb().newImage());
    assertThat(lazy.rawNewImage()).contains(complete.dynamodb().newImage());
    assertThat(images.newDecodes).hasValue(1);
    assertThat(images.oldDecodes).hasValue(0);

    assertThat(lazy.diff().changed("weightKg")).isTrue();
    assertThat(lazy.raw()).isEqualTo(complete).isSameAs(lazy.raw());
    assertThat(images.newDecodes).hasValue(1);
    assertThat(images.oldDecodes).hasValue(1);
  }

  @ParameterizedTest
  @CsvSource({
    "INSERT, NEW_IMAGE, false, true",
    "MODIFY, NEW_IMAGE, false, true",
    "MODIFY, OLD_IMAGE, true, false",
    "REMOVE, OLD_IMAGE, true, false",
    "MODIFY, KEYS_ONLY, false, false",
    "REMOVE, KEYS_ONLY, false, false",
    "MODIFY, NEW_AND_OLD_IMAGES, true, true",
  })
  void answersAsTheEagerRecordForEveryViewType(
      String eventName, String viewType, boolean withOld, boolean withNew) {
    Record complete = record(eventName, viewType, withOld, withNew);
    StreamRecord<Map<String, AttributeValue>> eager = StreamRecord.of(complete, AS_IS);
    StreamRecord<Map<String, AttributeValue>> lazy =
        LazyRecords.of(
            CountingImages.withoutImages(complete),
            new CountingImages(complete, Set.of()),
            AS_IS,
            null);

    for (ImageKind kind : ImageKind.values()) {
      assertThat(lazy.hasImage(kind))
          .isEqualTo(eager.hasImage(kind))
          .isEqualTo(present(kind, withOld, withNew));
      assertThat(lazy.rawImage(kind)).isEqualTo(eager.rawImage(kind));
      Object eagerRead = readOrFailure(() -> eager.requireImage(kind, "H#m"));
      Object lazyRead = readOrFailure(() -> lazy.requireImage(kind, "H#m"));
      if (eagerRead instanceof MissingImageException missing) {
        assertThat(lazyRead).isInstanceOf(MissingImageException.class);
        assertThat(((Throwable) lazyRead)).hasMessage(missing.getMessage());
      } else {
        assertThat(lazyRead).isEqualTo(eagerRead);
      }
    }
    assertThat(lazy.raw()).isEqualTo(complete);
  }

  private static boolean present(ImageKind kind, boolean withOld, boolean withNew) {
    return kind == ImageKind.NEW_IMAGE ? withNew : withOld;
  }

  private static Object readOrFailure(Supplier<Object> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void aMalformedImageFailsEveryReadWithTheRecordsCoordinatesAndSparesTheOther() {
    Record complete = record("MODIFY", "NEW_AND_OLD_IMAGES", true, true);
    CountingImages images = new CountingImages(complete, Set.of(ImageKind.OLD_IMAGE));
    StreamRecord<Map<String, AttributeValue>> lazy =
        LazyRecords.of(CountingImages.withoutImages(complete), images, AS_IS, null);

    assertThat(lazy.newImage()).contains(complete.dynamodb().newImage());
    for (int i = 0; i < 2; i++) {
      MalformedRecordException e =
          catchThrowableOfType(MalformedRecordException.class, lazy::oldImage);
      assertThat(e.eventId()).isEqualTo("e1");
      assertThat(e.sequenceNumber()).isEqualTo("100");
    }
    assertThatThrownBy(lazy::raw).isInstanceOf(MalformedRecordException.class);
    assertThatThrownBy(lazy::diff).isInstanceOf(MalformedRecordException.class);
    // A dead letter keeps the good new image; only the malformed old one is left out.
    Record letter = LazyBatch.bestEffort(CountingImages.withoutImages(complete), images);
    assertThat(letter.dynamodb().newImage()).isEqualTo(complete.dynamodb().newImage());
    assertThat(letter.dynamodb().hasOldImage()).isFalse();
    assertThat(letter.dynamodb().keys()).isEqualTo(complete.dynamodb().keys());
  }

  @Test
  void threadsReadingAnImageAtOnceAllGetTheSameInstance() throws Exception {
    Record complete = record("MODIFY", "NEW_AND_OLD_IMAGES", true, true);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        CountingImages images = new CountingImages(complete, Set.of());
        StreamRecord<Map<String, AttributeValue>> lazy =
            LazyRecords.of(CountingImages.withoutImages(complete), images, AS_IS, null);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object[]>> reads = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          reads.add(
              pool.submit(
                  () -> {
                    start.await();
                    return new Object[] {lazy.rawNewImage().orElseThrow(), lazy.raw()};
                  }));
        }
        start.countDown();
        Object[] first = reads.get(0).get(10, TimeUnit.SECONDS);
        for (Future<Object[]> read : reads) {
          Object[] seen = read.get(10, TimeUnit.SECONDS);
          assertThat(seen[0]).isSameAs(first[0]);
          assertThat(seen[1]).isSameAs(first[1]).isEqualTo(complete);
        }
        assertThat(images.newDecodes.get()).isBetween(1, threads);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
