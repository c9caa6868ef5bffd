package dev.ddbstreams.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the cold-start harness's event: 100 PetTracker records, the default Lambda batch size. */
public final class ColdStartEvent {
  private ColdStartEvent() {}

  /**
   * Writes the event.
   *
   * @param args the file to write
   * @throws IOException if it cannot be written
   */
  public static void main(String[] args) throws IOException {
    Files.write(Path.of(args[0]), LambdaEvents.of(Workloads.petTrackerBatch(100, 42)));
  }
}
