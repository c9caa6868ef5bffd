package dev.ddbstreams;

import java.util.List;

/**
 * The handlers given to a router are not valid. Thrown by {@code build()} with every problem found,
 * one line each, naming {@code Class#method} and the reason.
 */
public final class HandlerDefinitionException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems each problem, naming the handler and the reason
   */
  public HandlerDefinitionException(List<String> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + " with stream handlers:\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns every problem found.
   *
   * @return the problems, one per line of the message
   */
  public List<String> problems() {
    return problems;
  }
}
