package ${package};

/** Sends a message to a user: SNS, SES, a queue... */
public interface Notifier {
  /**
   * Sends a message.
   *
   * @param userId the recipient
   * @param message the text
   */
  void send(String userId, String message);
}
