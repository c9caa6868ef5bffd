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
package dev.ddbstreams.lambda;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes as a Lambda event: the streaming decoder either decodes them or throws {@link
 * EventDecodingException}, whether it reads an array or a stream.
 *
 * <p>{@code mvn verify} replays the committed inputs under {@code
 * src/test/resources/dev/ddbstreams/lambda/StreamEventDecoderFuzzTestInputs/}: real events and
 * broken ones; {@code mvn -Pfuzz test} fuzzes (see docs/testing.md). {@link
 * StreamEventDecoderProperties#malformedEventsOnlyEndInEventDecodingExceptions} checks the same on
 * seeded corruptions of random events.
 */
class StreamEventDecoderFuzzTest {

  @FuzzTest
  void malformedEventsOnlyEndInEventDecodingExceptions(byte[] json) {
    StreamEventDecoderProperties.decodesOrThrowsEventDecodingException(json);
  }
}
