/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
