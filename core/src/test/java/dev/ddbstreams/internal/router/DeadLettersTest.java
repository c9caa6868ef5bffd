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

import static dev.ddbstreams.internal.router.StageFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.DeadLetterSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

class DeadLettersTest {
  private final Record raw = record("a", "1");
  private final IllegalStateException failure = new IllegalStateException("handler failed");

  private boolean offer(DeadLetters letters) {
    return letters.take(raw, "H#m", failure, 3, BatchContext.none(), "INSERT eventID=event-1");
  }

  @Test
  void withoutASinkNothingIsTakenSoTheRecordFails() {
    assertThat(offer(DeadLetters.NONE)).isFalse();
    assertThat(DeadLetters.of(null, false)).isSameAs(DeadLetters.NONE);
  }

  @Test
  void theSinkGetsTheWholeRecordTheHandlerTheErrorAndTheAttempts() {
    List<DeadLetter> letters = new ArrayList<>();

    assertThat(offer(DeadLetters.of(letters::add, false))).isTrue();

    DeadLetter letter = letters.get(0);
    assertThat(letter.record()).isSameAs(raw);
    assertThat(letter.handlerId()).isEqualTo("H#m");
    assertThat(letter.failure()).isSameAs(failure);
    assertThat(letter.attempts()).isEqualTo(3);
  }

  @Test
  void aSinkThatThrowsAnythingButAFatalErrorTakesNothing() {
    for (Throwable t :
        List.of(
            new IOException("queue down"),
            new IllegalStateException("bug"),
            new AssertionError("bug"),
            new StackOverflowError(),
            new Throwable("odd"))) {
      DeadLetterSink sink = letter -> DeadLettersTest.<RuntimeException>sneaky(t);
      assertThat(offer(DeadLetters.of(sink, false))).as(t.toString()).isFalse();
    }
  }

  @Test
  void aFatalErrorFromTheSinkIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError();
    DeadLetterSink sink =
        letter -> {
          throw oom;
        };

    assertThatThrownBy(() -> offer(DeadLetters.of(sink, false))).isSameAs(oom);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
