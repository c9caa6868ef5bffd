package ${package};

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Notifier} that only logs what it would send: replace it with your SNS, SES or queue
 * client. Unlike ddbstreams, which never logs item values, it logs a message made from one.
 */
public final class LoggingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingNotifier.class);

  @Override
  public void send(String userId, String message) {
    LOG.info("To {}: {}", userId, message);
  }
}
