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
package dev.ddbstreams.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.DynamodbEventTransformer;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The baseline: the Lambda handler a team writes without ddbstreams for the five handlers of {@link
 * PetHandlers}. The runtime decodes the event to {@link DynamodbEvent}; the handler converts it to
 * SDK v2 records with the SDK transformer, dispatches with {@code switch} and {@code startsWith},
 * maps images with {@code TableSchema.fromBean} (built once) and reports the first failed record.
 */
public final class HandWrittenHandler
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final TableSchema<ItemBean> ITEMS = TableSchema.fromBean(ItemBean.class);

  private final PetWork work;

  /**
   * Creates the handler.
   *
   * @param work what the handlers do
   */
  public HandWrittenHandler(PetWork work) {
    this.work = work;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<Record> records = DynamodbEventTransformer.toRecordsV2(event);
    for (Record r : records) {
      try {
        handle(r);
      } catch (RuntimeException e) {
        return new StreamsEventResponse(
            List.of(new StreamsEventResponse.BatchItemFailure(r.dynamodb().sequenceNumber())));
      }
    }
    return new StreamsEventResponse(List.of());
  }

  private void handle(Record r) {
    StreamRecord d = r.dynamodb();
    String sk = d.keys().get("SK").s();
    switch (r.eventName()) {
      case INSERT -> {
        if (sk.startsWith("PET#")) {
          ItemBean pet = ITEMS.mapToItem(d.newImage());
          work.welcome(pet.getUserId(), pet.getName(), pet.getSpecies());
        } else if (sk.startsWith("ACTIVITY#")) {
          work.activity(ITEMS.mapToItem(d.newImage()).getUserId());
        }
      }
      case MODIFY -> {
        if (sk.startsWith("PET#")) {
          if (!same(d.oldImage(), d.newImage(), "weightKg")) {
            ItemBean before = ITEMS.mapToItem(d.oldImage());
            ItemBean after = ITEMS.mapToItem(d.newImage());
            work.weightChanged(after.getSK(), before.getWeightKg(), after.getWeightKg());
          }
        } else if (sk.startsWith("PROFILE")) {
          ItemBean user = ITEMS.mapToItem(d.newImage());
          work.profile(user.getPK(), user.getName());
        }
      }
      case REMOVE -> {
        if (sk.startsWith("PET#") && isTtlDelete(r.userIdentity())) {
          ItemBean pet = ITEMS.mapToItem(d.oldImage());
          work.expired(pet.getUserId(), pet.getSK());
        }
      }
      default -> {}
    }
  }

  private static boolean same(
      Map<String, AttributeValue> before, Map<String, AttributeValue> after, String name) {
    AttributeValue a = before.get(name);
    return a == null ? after.get(name) == null : a.equals(after.get(name));
  }

  private static boolean isTtlDelete(Identity identity) {
    return identity != null
        && "Service".equals(identity.type())
        && "dynamodb.amazonaws.com".equals(identity.principalId());
  }
}
