package dev.ddbstreams.examples.pettracker;

/** Sends a message to a user: Amazon SNS in production, an outbox in the demo. */
public interface Notifier {
  /**
   * Sends a message.
   *
   * @param userId the recipient
   * @param message the text
   */
  void send(String userId, String message);
}
