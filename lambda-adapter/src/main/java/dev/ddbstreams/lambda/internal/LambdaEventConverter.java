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
package dev.ddbstreams.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import dev.ddbstreams.lambda.EventDecodingException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Converts the Lambda runtime's {@link DynamodbEvent} to SDK v2 records.
 *
 * <p>Unlike {@code DynamodbEventTransformer.toRecordsV2}, it keeps the {@code eventSourceARN} (as
 * the event's stream ARN), and a record without a timestamp, keys or images converts to a record
 * without them instead of throwing. A field absent from the event is left unset in the SDK record,
 * so {@code hasKeys()} and friends tell "absent" from "empty". Stateless and thread-safe.
 */
public final class LambdaEventConverter {
  private LambdaEventConverter() {}

  /**
   * Converts an event.
   *
   * @param event the event as the Lambda runtime decoded it
   * @return the records and their shared stream ARN
   * @throws EventDecodingException if an attribute value has no type or records of two streams mix
   */
  public static DecodedEvent convert(DynamodbEvent event) {
    List<DynamodbStreamRecord> in = event.getRecords();
    if (in == null || in.isEmpty()) {
      return new DecodedEvent(List.of(), null);
    }
    List<Record> out = new ArrayList<>(in.size());
    StreamArnCheck arns = new StreamArnCheck();
    for (int i = 0; i < in.size(); i++) {
      DynamodbStreamRecord r = in.get(i);
      String path = "/Records/" + i;
      if (r == null) {
        throw new EventDecodingException(i, null, path, "record is null");
      }
      arns.accept(r.getEventSourceARN(), i, r.getEventID(), path + "/eventSourceARN");
      out.add(record(r, i, path));
    }
    return new DecodedEvent(out, arns.arn());
  }

  private static Record record(DynamodbStreamRecord r, int index, String path) {
    Record.Builder b =
        Record.builder()
            .eventID(r.getEventID())
            .eventName(r.getEventName())
            .eventVersion(r.getEventVersion())
            .eventSource(r.getEventSource())
            .awsRegion(r.getAwsRegion());
    StreamRecord d = r.getDynamodb();
    if (d != null) {
      b.dynamodb(streamRecord(d, index, r.getEventID(), path + "/dynamodb"));
    }
    Identity identity = r.getUserIdentity();
    if (identity != null) {
      b.userIdentity(
          software.amazon.awssdk.services.dynamodb.model.Identity.builder()
              .principalId(identity.getPrincipalId())
              .type(identity.getType())
              .build());
    }
    return b.build();
  }

  private static software.amazon.awssdk.services.dynamodb.model.StreamRecord streamRecord(
      StreamRecord d, int index, @Nullable String eventId, String path) {
    var b =
        software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
            .sequenceNumber(d.getSequenceNumber())
            .sizeBytes(d.getSizeBytes())
            .streamViewType(d.getStreamViewType());
    Date created = d.getApproximateCreationDateTime();
    if (created != null) {
      b.approximateCreationDateTime(created.toInstant());
    }
    if (d.getKeys() != null) {
      b.keys(image(d.getKeys(), index, eventId, path + "/Keys"));
    }
    if (d.getNewImage() != null) {
      b.newImage(image(d.getNewImage(), index, eventId, path + "/NewImage"));
    }
    if (d.getOldImage() != null) {
      b.oldImage(image(d.getOldImage(), index, eventId, path + "/OldImage"));
    }
    return b.build();
  }

  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> in,
      int index,
      @Nullable String eventId,
      String path) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(in.size() * 2);
    for (var e : in.entrySet()) {
      out.put(e.getKey(), value(e.getValue(), index, eventId, path + "/" + e.getKey()));
    }
    return out;
  }

  private static AttributeValue value(
      com.amazonaws.services.lambda.runtime.events.models.dynamodb.@Nullable AttributeValue v,
      int index,
      @Nullable String eventId,
      String path) {
    if (v == null) {
      throw new EventDecodingException(index, eventId, path, "attribute value is null");
    }
    // Every field that is set is copied, so a value that sets two is passed on as it came (the
    // streaming decoder does the same) rather than silently losing one.
    AttributeValue.Builder b = AttributeValue.builder();
    boolean typed = false;
    if (v.getS() != null) {
      b.s(v.getS());
      typed = true;
    }
    if (v.getN() != null) {
      b.n(v.getN());
      typed = true;
    }
    if (v.getB() != null) {
      b.b(bytes(v.getB()));
      typed = true;
    }
    if (v.getSS() != null) {
      b.ss(v.getSS());
      typed = true;
    }
    if (v.getNS() != null) {
      b.ns(v.getNS());
      typed = true;
    }
    if (v.getBS() != null) {
      List<SdkBytes> bs = new ArrayList<>(v.getBS().size());
      for (ByteBuffer buffer : v.getBS()) {
        if (buffer == null) {
          throw new EventDecodingException(index, eventId, path + "/BS", "null in a binary set");
        }
        bs.add(bytes(buffer));
      }
      b.bs(bs);
      typed = true;
    }
    if (v.getM() != null) {
      b.m(image(v.getM(), index, eventId, path + "/M"));
      typed = true;
    }
    if (v.getL() != null) {
      List<AttributeValue> list = new ArrayList<>(v.getL().size());
      int i = 0;
      for (var element : v.getL()) {
        list.add(value(element, index, eventId, path + "/L/" + i++));
      }
      b.l(list);
      typed = true;
    }
    if (v.getNULL() != null) {
      b.nul(v.getNULL());
      typed = true;
    }
    if (v.getBOOL() != null) {
      b.bool(v.getBOOL());
      typed = true;
    }
    if (!typed) {
      throw new EventDecodingException(index, eventId, path, "attribute value has no type");
    }
    return b.build();
  }

  private static SdkBytes bytes(ByteBuffer buffer) {
    // duplicate(): reading must not move the position of the event's buffer.
    return SdkBytes.fromByteBuffer(buffer.duplicate());
  }
}
