package dev.ddbstreams.examples.pettracker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Notifier} that keeps messages in memory, for the demo and tests. */
public final class Outbox implements Notifier {
  /**
   * A sent message.
   *
   * @param userId the recipient
   * @param message the text
   */
  public record Message(String userId, String message) {}

  private final List<Message> messages = new CopyOnWriteArrayList<>();

  @Override
  public void send(String userId, String message) {
    messages.add(new Message(userId, message));
  }

  /**
   * Returns the messages sent so far.
   *
   * @return the messages, oldest first
   */
  public List<Message> messages() {
    return List.copyOf(messages);
  }
}
