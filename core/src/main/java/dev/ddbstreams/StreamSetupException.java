package dev.ddbstreams;

/**
 * {@link StreamSetup} could not give a table the stream a router needs: the table has a stream of
 * another view type, it is missing, or the stream did not become active in time. The message says
 * what to do.
 */
public final class StreamSetupException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do, naming the table and view types
   */
  public StreamSetupException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the service's error.
   *
   * @param message what failed
   * @param cause the service's error
   */
  public StreamSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
