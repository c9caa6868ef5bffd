package ${package};

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.kcl.KclStreamConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The same handlers on a KCL worker, for a consumer that outgrew Lambda: workers with one
 * application name share the stream's shards through leases. Settings come from the environment:
 * {@code TABLE_NAME} (whose latest stream is read), {@code IDEMPOTENCY_TABLE} and {@code
 * APPLICATION_NAME} (names the lease table; default {@code ${artifactId}}).
 *
 * <p>KCL is a {@code provided} dependency, so that it stays out of the Lambda jar; copy it with the
 * rest to run the worker:
 *
 * <pre>
 * mvn dependency:copy-dependencies -DincludeScope=compile
 * java -cp "target/classes:target/dependency/*" ${package}.PetKclWorker
 * </pre>
 */
public final class PetKclWorker {
  private PetKclWorker() {}

  /**
   * Runs the worker until the process is stopped; a SIGTERM stops it gracefully, checkpointing what
   * is done.
   *
   * @param args none
   */
  public static void main(String[] args) {
    String table = System.getenv("TABLE_NAME");
    if (table == null || table.isBlank()) {
      System.err.println("Set TABLE_NAME to the table whose stream this worker reads");
      System.exit(2);
    }
    DynamoDbClient dynamo = DynamoDbClient.create();
    StreamRouter router =
        PetRouter.create(
            new LoggingNotifier(),
            DynamoDbIdempotencyStore.builder()
                .client(dynamo)
                .tableName(System.getenv("IDEMPOTENCY_TABLE"))
                .build());
    KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .tableName(table)
            .applicationName(System.getenv().getOrDefault("APPLICATION_NAME", "${artifactId}"))
            .router(router)
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "kcl-shutdown"));
    consumer.run();
  }
}
