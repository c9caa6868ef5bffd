package dev.ddbstreams.examples.pettracker;

import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** The production {@link Notifier}: publishes to an Amazon SNS topic, as the stream guide does. */
public final class SnsNotifier implements Notifier {
  private final SnsClient sns;
  private final String topicArn;

  /**
   * Creates the notifier.
   *
   * @param sns the SNS client
   * @param topicArn the topic messages go to
   */
  public SnsNotifier(SnsClient sns, String topicArn) {
    this.sns = sns;
    this.topicArn = topicArn;
  }

  @Override
  public void send(String userId, String message) {
    sns.publish(
        b ->
            b.topicArn(topicArn)
                .message(message)
                .messageAttributes(
                    Map.of(
                        "userId",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(userId)
                            .build(),
                        "eventType",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue("PET")
                            .build())));
  }
}
