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
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.lambda.EventDecodingException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>Images are converted on first read, as {@link StreamEventDecoder} decodes them: the records
 * come as a {@link LazyBatch} whose images hold the runtime's attribute maps. An image that is no
 * valid image (an attribute value without a type, a null in a binary set) is a {@link
 * MalformedRecordException} of its record when read, naming the record and the attribute path, so
 * it fails that record under the router's policies rather than the whole event. Keys are converted
 * at once: the router routes on them.
 *
 * <p>The JSON path of an attribute is needed only for an error message, so it is not built while
 * converting: a problem deep in an image collects its path segments on the way out.
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
    List<@Nullable LazyImages> images = new ArrayList<>(in.size());
    StreamArnCheck arns = new StreamArnCheck();
    for (int i = 0; i < in.size(); i++) {
      DynamodbStreamRecord r = in.get(i);
      if (r == null) {
        throw new EventDecodingException(i, null, "/Records/" + i, "record is null");
      }
      arns.accept(r.getEventSourceARN(), i, r.getEventID(), "/Records/" + i + "/eventSourceARN");
      out.add(record(r, i));
      images.add(images(r, i));
    }
    return new DecodedEvent(new LazyBatch(out, images), arns.arn());
  }

  private static @Nullable LazyImages images(DynamodbStreamRecord r, int index) {
    StreamRecord d = r.getDynamodb();
    if (d == null || (d.getNewImage() == null && d.getOldImage() == null)) {
      return null;
    }
    return new RuntimeImages(
        d.getNewImage(), d.getOldImage(), index, r.getEventID(), d.getSequenceNumber());
  }

  /** A record's images as the runtime decoded them, converted to SDK attribute values on read. */
  private static final class RuntimeImages extends LazyImages {
    private final @Nullable
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
        newImage;
    private final @Nullable
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
        oldImage;
    private final int index;
    private final @Nullable String eventId;
    private final @Nullable String sequenceNumber;

    RuntimeImages(
        @Nullable
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
            newImage,
        @Nullable
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue>
            oldImage,
        int index,
        @Nullable String eventId,
        @Nullable String sequenceNumber) {
      super(newImage != null, oldImage != null);
      this.newImage = newImage;
      this.oldImage = oldImage;
      this.index = index;
      this.eventId = eventId;
      this.sequenceNumber = sequenceNumber;
    }

    @Override
    protected Map<String, AttributeValue> decode(ImageKind kind) {
      boolean isNew = kind == ImageKind.NEW_IMAGE;
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> in =
          isNew ? newImage : oldImage;
      if (in == null) {
        throw new IllegalStateException("the record carries no " + kind);
      }
      try {
        return Collections.unmodifiableMap(LambdaEventConverter.image(in));
      } catch (Problem p) {
        throw new MalformedRecordException(
            eventId,
            sequenceNumber,
            p.what
                + " at /Records/"
                + index
                + "/dynamodb/"
                + (isNew ? "NewImage" : "OldImage")
                + p.path());
      }
    }
  }

  private static Record record(DynamodbStreamRecord r, int index) {
    Record.Builder b =
        Record.builder()
            .eventID(r.getEventID())
            .eventName(r.getEventName())
            .eventVersion(r.getEventVersion())
            .eventSource(r.getEventSource())
            .awsRegion(r.getAwsRegion());
    StreamRecord d = r.getDynamodb();
    if (d != null) {
      b.dynamodb(streamRecord(d, index, r.getEventID()));
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
      StreamRecord d, int index, @Nullable String eventId) {
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
      b.keys(image(d.getKeys(), index, eventId, "Keys"));
    }
    // The images stay with the record's RuntimeImages until read.
    return b.build();
  }

  /** Converts one of a record's attribute maps; a problem gets its JSON path only here. */
  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> in,
      int index,
      @Nullable String eventId,
      String field) {
    try {
      return image(in);
    } catch (Problem p) {
      throw new EventDecodingException(
          index, eventId, "/Records/" + index + "/dynamodb/" + field + p.path(), p.what);
    }
  }

  /**
   * What is wrong deep in an image. Each level it passes on the way out adds its path segment, so
   * the path is built only when there is a problem. No stack trace: it never leaves this class.
   */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final ArrayDeque<String> segments = new ArrayDeque<>();

    Problem(String what) {
      super(null, null, false, false);
      this.what = what;
    }

    Problem at(String segment) {
      segments.addFirst(segment);
      return this;
    }

    String path() {
      StringBuilder b = new StringBuilder();
      for (String segment : segments) {
        b.append('/').append(segment);
      }
      return b.toString();
    }
  }

  private static Map<String, AttributeValue> image(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> in) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(in.size() * 2);
    for (var e : in.entrySet()) {
      try {
        out.put(e.getKey(), value(e.getValue()));
      } catch (Problem p) {
        throw p.at(e.getKey());
      }
    }
    return out;
  }

  private static AttributeValue value(
      com.amazonaws.services.lambda.runtime.events.models.dynamodb.@Nullable AttributeValue v) {
    if (v == null) {
      throw new Problem("attribute value is null");
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
          throw new Problem("null in a binary set").at("BS");
        }
        bs.add(bytes(buffer));
      }
      b.bs(bs);
      typed = true;
    }
    if (v.getM() != null) {
      try {
        b.m(image(v.getM()));
      } catch (Problem p) {
        throw p.at("M");
      }
      typed = true;
    }
    if (v.getL() != null) {
      List<AttributeValue> list = new ArrayList<>(v.getL().size());
      int i = 0;
      for (var element : v.getL()) {
        try {
          list.add(value(element));
        } catch (Problem p) {
          throw p.at(Integer.toString(i)).at("L");
        }
        i++;
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
      throw new Problem("attribute value has no type");
    }
    return b.build();
  }

  private static SdkBytes bytes(ByteBuffer buffer) {
    // duplicate(): reading must not move the position of the event's buffer.
    return SdkBytes.fromByteBuffer(buffer.duplicate());
  }
}
