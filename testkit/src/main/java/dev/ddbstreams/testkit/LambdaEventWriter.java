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
package dev.ddbstreams.testkit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Writes SDK v2 stream records as the JSON event Lambda delivers to a function: {@code
 * {"Records":[...]}} with Lambda's field names. The one writer of that JSON in ddbstreams: {@link
 * StreamEvents#lambdaEvent} and the local event source mapping use it.
 *
 * <p>It writes what the Lambda service sends: fields a record does not have are left out (never
 * written as {@code null}); numbers ({@code N}, {@code NS}) are the strings DynamoDB has, unchanged
 * ({@code "1.50"} stays {@code "1.50"}); binaries are base64; {@code ApproximateCreationDateTime}
 * is epoch seconds as a JSON number, {@code 1700000000.0} for a whole second as the service sends
 * it, and with the milliseconds as a fraction without trailing zeros otherwise ({@code
 * 1700000000.5}). Stateless and thread-safe.
 */
public final class LambdaEventWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private LambdaEventWriter() {}

  /**
   * Writes an event.
   *
   * @param records the records, in stream order
   * @param streamArn the {@code eventSourceARN} of every record, or {@code null} to leave it out
   * @return the event JSON, UTF-8
   */
  public static byte[] write(List<Record> records, @Nullable String streamArn) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 * (records.size() + 1));
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("Records");
      for (Record r : records) {
        record(g, r, streamArn);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void record(JsonGenerator g, Record r, @Nullable String streamArn)
      throws IOException {
    g.writeStartObject();
    field(g, "eventID", r.eventID());
    field(g, "eventName", r.eventNameAsString());
    field(g, "eventVersion", r.eventVersion());
    field(g, "eventSource", r.eventSource());
    field(g, "awsRegion", r.awsRegion());
    StreamRecord d = r.dynamodb();
    if (d != null) {
      g.writeObjectFieldStart("dynamodb");
      Instant created = d.approximateCreationDateTime();
      if (created != null) {
        g.writeFieldName("ApproximateCreationDateTime");
        g.writeNumber(epochSeconds(created));
      }
      if (d.hasKeys()) {
        image(g, "Keys", d.keys());
      }
      if (d.hasNewImage()) {
        image(g, "NewImage", d.newImage());
      }
      if (d.hasOldImage()) {
        image(g, "OldImage", d.oldImage());
      }
      field(g, "SequenceNumber", d.sequenceNumber());
      if (d.sizeBytes() != null) {
        g.writeNumberField("SizeBytes", d.sizeBytes());
      }
      field(g, "StreamViewType", d.streamViewTypeAsString());
      g.writeEndObject();
    }
    field(g, "eventSourceARN", streamArn);
    if (r.userIdentity() != null) {
      g.writeObjectFieldStart("userIdentity");
      field(g, "type", r.userIdentity().type());
      field(g, "principalId", r.userIdentity().principalId());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /**
   * Epoch seconds as the service writes them: {@code 1700000000.0}, or {@code 1700000000.5} with
   * milliseconds.
   */
  static String epochSeconds(Instant instant) {
    BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
    return (seconds.scale() < 1 ? seconds.setScale(1) : seconds).toPlainString();
  }

  private static void image(JsonGenerator g, String name, Map<String, AttributeValue> image)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
      g.writeFieldName(e.getKey());
      value(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void value(JsonGenerator g, AttributeValue v) throws IOException {
    g.writeStartObject();
    field(g, "S", v.s());
    field(g, "N", v.n());
    if (v.b() != null) {
      g.writeFieldName("B");
      g.writeBinary(v.b().asByteArrayUnsafe());
    }
    if (v.hasSs()) {
      strings(g, "SS", v.ss());
    }
    if (v.hasNs()) {
      strings(g, "NS", v.ns());
    }
    if (v.hasBs()) {
      g.writeArrayFieldStart("BS");
      for (SdkBytes bytes : v.bs()) {
        g.writeBinary(bytes.asByteArrayUnsafe());
      }
      g.writeEndArray();
    }
    if (v.hasM()) {
      image(g, "M", v.m());
    }
    if (v.hasL()) {
      g.writeArrayFieldStart("L");
      for (AttributeValue element : v.l()) {
        value(g, element);
      }
      g.writeEndArray();
    }
    if (v.nul() != null) {
      g.writeBooleanField("NULL", v.nul());
    }
    if (v.bool() != null) {
      g.writeBooleanField("BOOL", v.bool());
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static void field(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }
}
