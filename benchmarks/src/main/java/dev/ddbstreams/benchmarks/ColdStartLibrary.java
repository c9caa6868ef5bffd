package dev.ddbstreams.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the ddbstreams function: build the router, handle one event through {@link
 * dev.ddbstreams.lambda.FastDynamoDbStreamLambda}, write the response to stdout. Run by {@code
 * benchmarks/cold-start.sh}.
 */
public final class ColdStartLibrary {
  private ColdStartLibrary() {}

  /**
   * Runs once.
   *
   * @param args the event JSON file
   * @throws IOException if the event cannot be read
   */
  public static void main(String[] args) throws IOException {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    LibraryLambda function = LibraryLambda.pets(new PetWork());
    function.handleRequest(new ByteArrayInputStream(event), System.out, null);
    System.out.flush();
    ColdStartClock.responseWritten("library");
  }
}
