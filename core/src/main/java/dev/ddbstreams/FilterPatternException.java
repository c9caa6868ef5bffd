package dev.ddbstreams;

/**
 * A filter pattern is not valid JSON, or uses an operator or form that Lambda event filtering does
 * not support. The message names the offending path and operator, never an attribute value taken
 * from a record.
 */
public final class FilterPatternException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the pattern, naming the path and operator
   */
  public FilterPatternException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong with the pattern
   * @param cause the parser's or matcher's failure
   */
  public FilterPatternException(String message, Throwable cause) {
    super(message, cause);
  }
}
