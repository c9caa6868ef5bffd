package dev.ddbstreams.examples.docs.gettingstarted;

// tag::notifier[]
public interface Notifier {
  void send(String userId, String message);
}
// end::notifier[]
