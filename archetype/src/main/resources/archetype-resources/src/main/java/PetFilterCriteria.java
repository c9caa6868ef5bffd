package ${package};

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.util.function.Supplier;

/**
 * The router for {@code dev.ddbstreams.filter.FilterCriteriaPrinter}, which prints the
 * FilterCriteria of template.yaml's event source mapping from the handlers' annotations (no AWS
 * access needed):
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp "target/classes:$(cat target/classpath.txt)" \
 *     dev.ddbstreams.filter.FilterCriteriaPrinter ${package}.PetFilterCriteria
 * </pre>
 */
public final class PetFilterCriteria implements Supplier<StreamRouter> {
  @Override
  public StreamRouter get() {
    return PetRouter.create((userId, message) -> {}, InMemoryIdempotencyStore.builder().build());
  }
}
