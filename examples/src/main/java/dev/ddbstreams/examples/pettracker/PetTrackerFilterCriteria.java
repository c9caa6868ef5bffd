package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PetTracker router for {@code FilterCriteriaPrinter}, which prints the event source mapping's
 * {@code FilterCriteria} for examples/sam/template.yaml:
 *
 * <pre>
 * java -Daws.region=us-east-1 -cp "$(cat examples/target/classpath.txt)" \
 *     dev.ddbstreams.FilterCriteriaPrinter \
 *     dev.ddbstreams.examples.pettracker.PetTrackerFilterCriteria
 * </pre>
 */
public final class PetTrackerFilterCriteria implements Supplier<StreamRouter> {
  @Override
  public StreamRouter get() {
    // With an idempotency table, as deployed: the summaries and the leaderboard need one.
    return PetTrackerRouter.fromSettings(
        Map.of("TABLE_NAME", "PetTracker", "IDEMPOTENCY_TABLE", "PetTrackerIdempotency")::get);
  }
}
