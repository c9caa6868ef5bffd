package dev.ddbstreams.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the hand-written function: what the Lambda Java runtime does for a {@code
 * RequestHandler<DynamodbEvent, StreamsEventResponse>} (its event serializer in, its response
 * serializer out) around {@link HandWrittenHandler}. Run by {@code benchmarks/cold-start.sh}.
 */
public final class ColdStartHandWritten {
  private ColdStartHandWritten() {}

  /**
   * Runs once.
   *
   * @param args the event JSON file
   * @throws IOException if the event cannot be read
   */
  public static void main(String[] args) throws IOException {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    ClassLoader loader = ColdStartHandWritten.class.getClassLoader();
    HandWrittenHandler function = new HandWrittenHandler(new PetWork());
    DynamodbEvent decoded =
        LambdaEventSerializers.serializerFor(DynamodbEvent.class, loader)
            .fromJson(new ByteArrayInputStream(event));
    StreamsEventResponse response = function.handleRequest(decoded, null);
    LambdaEventSerializers.serializerFor(StreamsEventResponse.class, loader)
        .toJson(response, System.out);
    System.out.flush();
    ColdStartClock.responseWritten("handWritten");
  }
}
