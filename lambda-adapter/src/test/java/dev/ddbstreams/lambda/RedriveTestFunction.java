package dev.ddbstreams.lambda;

import dev.ddbstreams.StreamRouter;
import java.util.List;
import java.util.Set;

/**
 * A function class as the redrive command loads it, by name with its no-argument constructor: its
 * handlers record into a shared list, and fail on the items named in {@link #broken}.
 */
public final class RedriveTestFunction extends FastDynamoDbStreamLambda {
  /** The items the handler fails on; a test sets it before the command runs. */
  static volatile Set<String> broken = Set.of();

  /** The handlers of the last instance made. */
  static volatile RedriveFixtures.Recording last = new RedriveFixtures.Recording(Set.of());

  private final StreamRouter router;

  /** Makes the function, as the Lambda runtime (and the redrive command) does. */
  public RedriveTestFunction() {
    RedriveFixtures.Recording handlers = new RedriveFixtures.Recording(broken);
    last = handlers;
    this.router = StreamRouter.builder().handlers(handlers).build();
  }

  static List<String> handled() {
    return last.handled;
  }

  @Override
  protected StreamRouter router() {
    return router;
  }
}
