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
package dev.ddbstreams.examples.docs.comparison;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import java.util.Map;

/** docs/comparison.md: the stream guide's Lambda function, in Java, for the same three jobs. */
// tag::hand-written[]
public final class HandWrittenHandler implements RequestHandler<DynamodbEvent, Void> {
  private final Notifier notifier;

  public HandWrittenHandler(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public Void handleRequest(DynamodbEvent event, Context context) {
    for (DynamodbStreamRecord record : event.getRecords()) {
      try {
        process(record);
      } catch (RuntimeException e) {
        context.getLogger().log("Error processing record: " + e); // the guide: don't raise, go on
      }
    }
    return null;
  }

  private void process(DynamodbStreamRecord record) {
    StreamRecord change = record.getDynamodb();
    if (!change.getKeys().get("SK").getS().startsWith("PET#")) {
      return;
    }
    switch (record.getEventName()) {
      case "INSERT" -> {
        Map<String, AttributeValue> pet = change.getNewImage();
        notifier.send(pet.get("userId").getS(), "Welcome " + pet.get("name").getS() + "!");
      }
      case "MODIFY" -> {
        Map<String, AttributeValue> pet = change.getNewImage();
        if (Math.abs(weight(pet) - weight(change.getOldImage())) > 2) {
          notifier.send(
              pet.get("userId").getS(),
              pet.get("name").getS() + " changed weight by more than 2 kg");
        }
      }
      case "REMOVE" -> {
        Identity who = record.getUserIdentity();
        if (who != null
            && "Service".equals(who.getType())
            && "dynamodb.amazonaws.com".equals(who.getPrincipalId())) {
          Map<String, AttributeValue> pet = change.getOldImage();
          notifier.send(pet.get("userId").getS(), pet.get("name").getS() + "'s record expired");
        }
      }
      default -> {}
    }
  }

  private static double weight(Map<String, AttributeValue> image) {
    AttributeValue value = image == null ? null : image.get("weightKg");
    return value == null || value.getN() == null ? 0 : Double.parseDouble(value.getN());
  }
}
// end::hand-written[]
