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
package dev.ddbstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The sides of a comparison must do the same work on the same event, or the figures compare
 * different things.
 */
class SameWorkTest {

  @Test
  void libraryAndHandWrittenHandlersDoTheSameWork() throws Exception {
    byte[] event = LambdaEvents.of(Workloads.petTrackerBatch(1000, 42));
    PetWork viaRecord = new PetWork();
    PetWork viaBean = new PetWork();
    PetWork byHand = new PetWork();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LibraryLambda.pets(viaRecord).handleRequest(new ByteArrayInputStream(event), out, null);
    new LibraryLambda(
            dev.ddbstreams.StreamRouter.builder()
                .keys("PK", "SK")
                .handlers(new PetBeanHandlers(viaBean))
                .build())
        .handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
    DynamodbEvent decoded =
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader())
            .fromJson(new ByteArrayInputStream(event));
    assertThat(new HandWrittenHandler(byHand).handleRequest(decoded, null).getBatchItemFailures())
        .isEmpty();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(viaRecord.summary()).isEqualTo(byHand.summary()).contains("expired=");
    assertThat(viaBean.summary()).isEqualTo(byHand.summary());
    // Every one of the five handlers ran at least once.
    assertThat(byHand.summary()).doesNotContain("expired=0").doesNotContain("activity={}");
  }
}
