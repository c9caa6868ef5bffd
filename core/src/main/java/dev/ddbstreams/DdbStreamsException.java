package dev.ddbstreams;

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Messages name what a person needs to find the cause (event ID, sequence number, handler,
 * attribute path, setting) and never contain attribute values: images may hold personal data, and
 * exceptions end up in logs.
 */
public class DdbStreamsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without attribute values
   */
  public DdbStreamsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without attribute values
   * @param cause the underlying failure
   */
  public DdbStreamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
