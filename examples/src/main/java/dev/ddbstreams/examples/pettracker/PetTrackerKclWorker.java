package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.kcl.KclStreamConsumer;

/**
 * The PetTracker stream consumer as a KCL worker, for a fleet that outgrew Lambda: start as many as
 * the stream has shards to share; workers with one {@code APPLICATION_NAME} split the shards
 * through leases and take over each other's when one dies. Settings come from the environment:
 * {@code TABLE_NAME} (the PetTracker table, whose latest stream is read), {@code APPLICATION_NAME}
 * (the lease table; default {@code pettracker-views}), and those of {@link PetTrackerRouter}.
 *
 * <pre>
 * java -cp app.jar dev.ddbstreams.examples.pettracker.PetTrackerKclWorker
 * </pre>
 */
public final class PetTrackerKclWorker {
  private PetTrackerKclWorker() {}

  /**
   * Runs the worker until the process is stopped; a SIGTERM shuts it down gracefully, checkpointing
   * what is done.
   *
   * @param args none
   */
  public static void main(String[] args) {
    StreamRouter router = PetTrackerRouter.fromSettings(System::getenv);
    String application = System.getenv().getOrDefault("APPLICATION_NAME", "pettracker-views");
    KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .tableName(System.getenv("TABLE_NAME"))
            .applicationName(application)
            .router(router)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "pettracker-shutdown"));
    consumer.run();
  }
}
