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
