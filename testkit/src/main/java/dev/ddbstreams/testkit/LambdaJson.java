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

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Writes SDK records in the JSON shape of Lambda's DynamoDB events. */
final class LambdaJson {
  private LambdaJson() {}

  static void writeRecord(JsonGenerator g, Record r, String streamArn) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventID", r.eventID());
    g.writeStringField("eventName", r.eventNameAsString());
    g.writeStringField("eventVersion", r.eventVersion());
    g.writeStringField("eventSource", r.eventSource());
    g.writeStringField("awsRegion", r.awsRegion());
    StreamRecord d = r.dynamodb();
    g.writeObjectFieldStart("dynamodb");
    if (d.approximateCreationDateTime() != null) {
      // Epoch seconds with a fraction, as Lambda sends them.
      g.writeFieldName("ApproximateCreationDateTime");
      g.writeNumber(BigDecimal.valueOf(d.approximateCreationDateTime().toEpochMilli(), 3));
    }
    writeImage(g, "Keys", d.hasKeys() ? d.keys() : null);
    writeImage(g, "NewImage", d.hasNewImage() ? d.newImage() : null);
    writeImage(g, "OldImage", d.hasOldImage() ? d.oldImage() : null);
    g.writeStringField("SequenceNumber", d.sequenceNumber());
    if (d.sizeBytes() != null) {
      g.writeNumberField("SizeBytes", d.sizeBytes());
    }
    g.writeStringField("StreamViewType", d.streamViewTypeAsString());
    g.writeEndObject();
    if (r.userIdentity() != null) {
      g.writeObjectFieldStart("userIdentity");
      g.writeStringField("type", r.userIdentity().type());
      g.writeStringField("principalId", r.userIdentity().principalId());
      g.writeEndObject();
    }
    g.writeStringField("eventSourceARN", streamArn);
    g.writeEndObject();
  }

  private static void writeImage(
      JsonGenerator g, String name, @Nullable Map<String, AttributeValue> image)
      throws IOException {
    if (image == null) {
      return;
    }
    g.writeFieldName(name);
    writeMap(g, image);
  }

  private static void writeMap(JsonGenerator g, Map<String, AttributeValue> map)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      g.writeFieldName(e.getKey());
      writeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, AttributeValue v) throws IOException {
    g.writeStartObject();
    switch (v.type()) {
      case S -> g.writeStringField("S", v.s());
      case N -> g.writeStringField("N", v.n());
      case B -> g.writeStringField("B", base64(v.b()));
      case BOOL -> g.writeBooleanField("BOOL", v.bool());
      case NUL -> g.writeBooleanField("NULL", true);
      case SS -> strings(g, "SS", v.ss());
      case NS -> strings(g, "NS", v.ns());
      case BS -> {
        g.writeArrayFieldStart("BS");
        for (SdkBytes b : v.bs()) {
          g.writeString(base64(b));
        }
        g.writeEndArray();
      }
      case L -> {
        g.writeArrayFieldStart("L");
        for (AttributeValue item : v.l()) {
          writeValue(g, item);
        }
        g.writeEndArray();
      }
      case M -> {
        g.writeFieldName("M");
        writeMap(g, v.m());
      }
      default -> throw new IllegalArgumentException("An attribute value has no known type");
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String type, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(type);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }
}
