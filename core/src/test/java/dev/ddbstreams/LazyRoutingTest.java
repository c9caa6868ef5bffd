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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.internal.record.CountingImages;
import dev.ddbstreams.internal.record.LazyBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The router on a batch whose images are decoded on first read: only what a matcher or handler
 * reads is decoded, and a malformed image fails its record by the failure policy.
 */
class LazyRoutingTest {
  private final List<StreamRouter> routers = new ArrayList<>();

  @AfterEach
  void close() {
    routers.forEach(StreamRouter::close);
  }

  /** Reads the new image of pets; fails without reading on sequence numbers in {@code failOn}. */
  public static final class PetHandlers {
    final Set<String> failOn = ConcurrentHashMap.newKeySet();
    final List<String> seen = new CopyOnWriteArrayList<>();

    @OnModify(sk = "PET#")
    public void pet(StreamRecord<Map<String, Object>> change) {
      if (failOn.contains(change.sequenceNumber().toString())) {
        throw new IllegalStateException("injected");
      }
      change.newImage().orElseThrow();
      seen.add(change.sequenceNumber().toString());
    }
  }

  /** Compares the weight: the matcher reads both images. */
  public static final class WeightHandlers {
    @OnModify(changed = "weightKg")
    public void weight(StreamRecord<Map<String, Object>> change) {}
  }

  private StreamRouter router(Object handlers, StreamRouter.Builder settings) {
    StreamRouter router = settings.keys("PK", "SK").handlers(handlers).build();
    routers.add(router);
    return router;
  }

  private static Record modify(int seq, String sk) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS("USER#" + (seq % 10)), "SK", AttributeValue.fromS(sk));
    return TestRecords.modify(
        String.valueOf(1000 + seq),
        Map.of("PK", keys.get("PK"), "SK", keys.get("SK"), "weightKg", AttributeValue.fromN("4")),
        Map.of("PK", keys.get("PK"), "SK", keys.get("SK"), "weightKg", AttributeValue.fromN("5")));
  }

  private static List<CountingImages> images(List<Record> records, int malformedAt) {
    List<CountingImages> images = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      images.add(
          new CountingImages(
              records.get(i),
              i == malformedAt ? Set.of(ImageKind.NEW_IMAGE, ImageKind.OLD_IMAGE) : Set.of()));
    }
    return images;
  }

  @Test
  void decodesOnlyTheImagesHandlersReadAndNoneOfUnmatchedRecords() {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      records.add(modify(i, i % 2 == 0 ? "PET#" + i : "PROFILE"));
    }
    List<CountingImages> images = images(records, -1);
    PetHandlers handlers = new PetHandlers();

    BatchResult result =
        router(handlers, StreamRouter.builder()).process(CountingImages.batch(records, images));

    assertThat(result.firstFailedSequenceNumber()).isEmpty();
    for (int i = 0; i < 20; i++) {
      assertThat(images.get(i).newDecodes).hasValue(i % 2 == 0 ? 1 : 0);
      assertThat(images.get(i).oldDecodes).hasValue(0);
      assertThat(result.outcomes().get(i).status())
          .isEqualTo(i % 2 == 0 ? RecordStatus.HANDLED : RecordStatus.NO_MATCH);
    }
  }

  @Test
  void aMalformedImageFailsTheRecordThatReadsItAndStopsTheBatchThere() {
    List<Record> records = List.of(modify(1, "PET#1"), modify(2, "PET#2"), modify(3, "PET#3"));
    PetHandlers handlers = new PetHandlers();

    BatchResult result =
        router(handlers, StreamRouter.builder().retry(RetryPolicy.NONE))
            .process(CountingImages.batch(records, images(records, 1)));

    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(RecordStatus.HANDLED, RecordStatus.FAILED, RecordStatus.NOT_RUN);
    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("1002"));
    MalformedRecordException failure =
        (MalformedRecordException) result.outcomes().get(1).failure();
    assertThat(failure.eventId()).isEqualTo("event-1002");
    assertThat(failure.sequenceNumber()).isEqualTo("1002");
  }

  @Test
  void aMalformedImageAMatcherReadsFailsTheRecordUnderTheRouter() {
    List<Record> records = List.of(modify(1, "PET#1"), modify(2, "PET#2"));

    BatchResult result =
        router(new WeightHandlers(), StreamRouter.builder().failurePolicy(FailurePolicy.CONTINUE))
            .process(CountingImages.batch(records, images(records, 0)));

    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(RecordStatus.FAILED, RecordStatus.HANDLED);
    assertThat(result.outcomes().get(0).failure()).isInstanceOf(MalformedRecordException.class);
    assertThat(result.outcomes().get(0).failedHandler()).isEqualTo(HandlerEvent.ROUTER_ID);
  }

  @Test
  void deadLettersCarryTheCompleteRecordOrWithoutTheImageThatCannotBeDecoded() {
    List<Record> records = List.of(modify(1, "PET#1"), modify(2, "PET#2"), modify(3, "PET#3"));
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    PetHandlers handlers = new PetHandlers();
    handlers.failOn.add("1003");

    BatchResult result =
        router(handlers, StreamRouter.builder().retry(RetryPolicy.NONE).deadLetter(letters::add))
            .process(CountingImages.batch(records, images(records, 1)));

    assertThat(result.firstFailedSequenceNumber()).isEmpty();
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).failure()).isInstanceOf(MalformedRecordException.class);
    assertThat(letters.get(0).record()).isEqualTo(CountingImages.withoutImages(records.get(1)));
    // The handler failed without reading the image: the letter still has it, decoded for it.
    assertThat(letters.get(1).failure()).isInstanceOf(IllegalStateException.class);
    assertThat(letters.get(1).record()).isEqualTo(records.get(2));
  }

  @Test
  void aDeadLetterKeepsTheGoodImageWhenOnlyTheOtherIsMalformed() {
    Record record = modify(1, "PET#1");
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    PetHandlers handlers = new PetHandlers();
    handlers.failOn.add("1001");

    router(handlers, StreamRouter.builder().retry(RetryPolicy.NONE).deadLetter(letters::add))
        .process(
            CountingImages.batch(
                List.of(record), List.of(new CountingImages(record, Set.of(ImageKind.OLD_IMAGE)))));

    assertThat(letters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.failure()).isInstanceOf(IllegalStateException.class);
              assertThat(l.record().dynamodb().newImage()).isEqualTo(record.dynamodb().newImage());
              assertThat(l.record().dynamodb().hasOldImage()).isFalse();
            });
  }

  @Test
  void parallelHandlersDecodeEachReadImageOnce() {
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(modify(i, "PET#" + i));
    }
    List<CountingImages> images = images(records, -1);
    PetHandlers handlers = new PetHandlers();
    LazyBatch batch = CountingImages.batch(records, images);

    BatchResult result = router(handlers, StreamRouter.builder().parallelism(4)).process(batch);

    assertThat(result.outcomes()).allMatch(o -> o.status() == RecordStatus.HANDLED);
    assertThat(handlers.seen).hasSize(200);
    assertThat(images).allMatch(i -> i.newDecodes.get() == 1 && i.oldDecodes.get() == 0);
    assertThat(batch).isEqualTo(records);
  }
}
