package dev.ddbstreams.kcl;

import dev.ddbstreams.DdbStreamsException;
import java.util.List;

/**
 * A {@link KclStreamConsumer} setting is missing or wrong, or the stream cannot be found. {@link
 * KclStreamConsumer.Builder#build()} reports every problem at once.
 */
public class KclConfigurationException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems one line per problem, naming the setting
   */
  public KclConfigurationException(List<String> problems) {
    super("KclStreamConsumer settings are invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems found.
   *
   * @return one line per problem
   */
  public List<String> problems() {
    return problems;
  }
}
