package dev.ddbstreams.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Lambda DynamoDB event JSON, as the event source mapping sends it. */
public final class LambdaEvents {
  /** The stream ARN every generated event carries. */
  public static final String STREAM_ARN =
      "arn:aws:dynamodb:us-east-1:123456789012:table/PetTracker/stream/2026-11-24T00:00:00.000";

  private static final JsonFactory JSON = new JsonFactory();

  private LambdaEvents() {}

  /**
   * Writes SDK records as the event JSON Lambda delivers (the attribute types {@link Workloads}
   * uses: S, N, BOOL, B, L, M).
   *
   * @param records the records, in stream order
   * @return the event JSON, UTF-8
   */
  public static byte[] of(List<Record> records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * records.size());
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeArrayFieldStart("Records");
      for (Record r : records) {
        g.writeStartObject();
        g.writeStringField("eventID", r.eventID());
        g.writeStringField("eventName", r.eventNameAsString());
        g.writeStringField("eventVersion", r.eventVersion());
        g.writeStringField("eventSource", r.eventSource());
        g.writeStringField("awsRegion", r.awsRegion());
        var d = r.dynamodb();
        g.writeObjectFieldStart("dynamodb");
        g.writeFieldName("ApproximateCreationDateTime");
        g.writeNumber(
            BigDecimal.valueOf(d.approximateCreationDateTime().toEpochMilli(), 3).toPlainString());
        image(g, "Keys", d.keys());
        if (d.hasNewImage()) {
          image(g, "NewImage", d.newImage());
        }
        if (d.hasOldImage()) {
          image(g, "OldImage", d.oldImage());
        }
        g.writeStringField("SequenceNumber", d.sequenceNumber());
        g.writeNumberField("SizeBytes", d.sizeBytes());
        g.writeStringField("StreamViewType", d.streamViewTypeAsString());
        g.writeEndObject();
        g.writeStringField("eventSourceARN", STREAM_ARN);
        if (r.userIdentity() != null) {
          g.writeObjectFieldStart("userIdentity");
          g.writeStringField("type", r.userIdentity().type());
          g.writeStringField("principalId", r.userIdentity().principalId());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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
    switch (v.type()) {
      case S -> g.writeStringField("S", v.s());
      case N -> g.writeStringField("N", v.n());
      case BOOL -> g.writeBooleanField("BOOL", v.bool());
      case B -> {
        g.writeFieldName("B");
        g.writeBinary(v.b().asByteArrayUnsafe());
      }
      case L -> {
        g.writeArrayFieldStart("L");
        for (AttributeValue element : v.l()) {
          value(g, element);
        }
        g.writeEndArray();
      }
      case M -> image(g, "M", v.m());
      default -> throw new IllegalArgumentException("type not written: " + v.type());
    }
    g.writeEndObject();
  }

  /**
   * An event of MODIFY records with old and new images of the given number of attributes, plus a
   * text attribute that pads each record to about {@code recordBytes}.
   *
   * @param records records in the event
   * @param attributes attributes per image besides the keys and the padding
   * @param recordBytes approximate JSON size per record
   * @param seed random seed
   * @return the event JSON, UTF-8
   */
  public static byte[] modifyEvent(int records, int attributes, int recordBytes, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(records * (recordBytes + 200));
    sb.append("{\"Records\":[");
    long sequence = 400_000_000_000_000_000L;
    for (int i = 0; i < records; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String pk = "USER#u" + random.nextInt(100);
      String sk = "PET#p" + i;
      int start = sb.length();
      sb.append("{\"eventID\":\"")
          .append(Long.toHexString(random.nextLong()))
          .append("\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\",")
          .append("\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",")
          .append("\"dynamodb\":{\"ApproximateCreationDateTime\":1764000000.")
          .append(100 + random.nextInt(900))
          .append(",\"Keys\":{\"PK\":{\"S\":\"")
          .append(pk)
          .append("\"},\"SK\":{\"S\":\"")
          .append(sk)
          .append("\"}},");
      String padding = "x".repeat(Math.max(0, (recordBytes - 700 - attributes * 60) / 2));
      sb.append("\"NewImage\":");
      image(sb, pk, sk, attributes, padding, random);
      sb.append(",\"OldImage\":");
      image(sb, pk, sk, attributes, padding, random);
      sb.append(",\"SequenceNumber\":\"")
          .append(sequence += 1 + random.nextInt(100))
          .append("\",\"SizeBytes\":")
          .append(sb.length() - start)
          .append(",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},")
          .append(
              "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/PetTracker/stream/2026-11-24T00:00:00.000\"}");
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void image(
      StringBuilder sb, String pk, String sk, int attributes, String padding, Random random) {
    sb.append("{\"PK\":{\"S\":\"")
        .append(pk)
        .append("\"},\"SK\":{\"S\":\"")
        .append(sk)
        .append("\"}");
    for (int a = 0; a < attributes; a++) {
      sb.append(",\"a").append(a).append("\":");
      switch (a % 5) {
        case 0 -> sb.append("{\"S\":\"value-").append(random.nextInt(100_000)).append("\"}");
        case 1 -> sb.append("{\"N\":\"").append(random.nextInt(1_000_000) / 100.0).append("\"}");
        case 2 -> sb.append("{\"BOOL\":").append(random.nextBoolean()).append('}');
        case 3 ->
            sb.append("{\"B\":\"")
                .append(Base64.getEncoder().encodeToString(new byte[] {(byte) a, 1, 2, 3}))
                .append("\"}");
        default ->
            sb.append("{\"L\":[{\"S\":\"x\"},{\"N\":\"")
                .append(random.nextInt(100))
                .append("\"}]}");
      }
    }
    if (!padding.isEmpty()) {
      sb.append(",\"notes\":{\"S\":\"").append(padding).append("\"}");
    }
    sb.append('}');
  }
}
