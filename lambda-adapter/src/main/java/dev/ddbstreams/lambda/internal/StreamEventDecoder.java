package dev.ddbstreams.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.lambda.EventDecodingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Decodes a Lambda DynamoDB stream event from JSON straight into SDK v2 records with Jackson's
 * streaming parser: no event classes, no tree, no reflection.
 *
 * <p>Produces exactly what {@link LambdaEventConverter} produces from the event the Lambda runtime
 * decodes, including its quirks: {@code ApproximateCreationDateTime} is read as a double of epoch
 * seconds and truncated to milliseconds after multiplying by 1000 (as the runtime's date module
 * does), and 0 means no timestamp. Unknown fields are skipped. Anything else unexpected is an
 * {@link EventDecodingException} that names the record and the JSON path, never a value.
 *
 * <p>Entry point for benchmarks: {@link #decode(InputStream)}. Thread-safe: each call has its own
 * parser.
 */
public final class StreamEventDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser p;
  private int index = -1;
  private @Nullable String eventId;

  private StreamEventDecoder(JsonParser parser) {
    this.p = parser;
  }

  /**
   * Decodes an event.
   *
   * @param json the event JSON; not closed
   * @return the records and the stream ARN they share
   * @throws IOException if the stream cannot be read
   * @throws EventDecodingException if the JSON is malformed or not a DynamoDB stream event
   */
  public static DecodedEvent decode(InputStream json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return new StreamEventDecoder(parser).event();
    }
  }

  /**
   * Decodes an event held in memory.
   *
   * @param json the event JSON, UTF-8
   * @return the records and the stream ARN they share
   * @throws EventDecodingException if the JSON is malformed or not a DynamoDB stream event
   */
  public static DecodedEvent decode(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return new StreamEventDecoder(parser).event();
    } catch (IOException e) {
      throw new EventDecodingException(-1, null, "", "cannot read: " + e.getClass().getName());
    }
  }

  private DecodedEvent event() throws IOException {
    try {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw problem("empty input, expected an event object");
      }
      expect(first, JsonToken.START_OBJECT, "an event object");
      List<Record> records = new ArrayList<>();
      StreamArnCheck arns = new StreamArnCheck();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("Records".equals(name) && value != JsonToken.VALUE_NULL) {
          expect(value, JsonToken.START_ARRAY, "an array of records");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            eventId = null;
            records.add(record(arns));
          }
          index = -1;
          eventId = null;
        } else {
          p.skipChildren();
        }
      }
      return new DecodedEvent(records, arns.arn());
    } catch (CharConversionException e) {
      // Bytes that are no text in the encoding Jackson detected: malformed input, not an I/O
      // failure. Its message quotes the offending character, so only the kind is kept.
      throw problem("malformed JSON (invalid character encoding)");
    } catch (JsonProcessingException e) {
      // The parser's message may quote the input, so only its kind and location are kept.
      throw problem(
          "malformed JSON ("
              + e.getClass().getSimpleName()
              + (e.getLocation() == null
                  ? ""
                  : " at line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr())
              + ")");
    }
  }

  private Record record(StreamArnCheck arns) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT, "a record object");
    Record.Builder b = Record.builder();
    String arn = null;
    String arnPath = "";
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "eventID" -> {
          eventId = text(value);
          b.eventID(eventId);
        }
        case "eventName" -> b.eventName(text(value));
        case "eventVersion" -> b.eventVersion(text(value));
        case "eventSource" -> b.eventSource(text(value));
        case "awsRegion" -> b.awsRegion(text(value));
        case "eventSourceARN" -> {
          arn = text(value);
          arnPath = path();
        }
        case "dynamodb" -> {
          if (value != JsonToken.VALUE_NULL) {
            b.dynamodb(streamRecord(value));
          }
        }
        case "userIdentity" -> {
          if (value != JsonToken.VALUE_NULL) {
            b.userIdentity(identity(value));
          }
        }
        default -> p.skipChildren();
      }
    }
    arns.accept(arn, index, eventId, arnPath);
    return b.build();
  }

  private StreamRecord streamRecord(JsonToken start) throws IOException {
    expect(start, JsonToken.START_OBJECT, "an object");
    StreamRecord.Builder b = StreamRecord.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "ApproximateCreationDateTime" -> {
          Instant created = epochSeconds(value);
          if (created != null) {
            b.approximateCreationDateTime(created);
          }
        }
        case "Keys" -> {
          if (value != JsonToken.VALUE_NULL) {
            b.keys(image(value));
          }
        }
        case "NewImage" -> {
          if (value != JsonToken.VALUE_NULL) {
            b.newImage(image(value));
          }
        }
        case "OldImage" -> {
          if (value != JsonToken.VALUE_NULL) {
            b.oldImage(image(value));
          }
        }
        case "SequenceNumber" -> b.sequenceNumber(text(value));
        case "SizeBytes" -> {
          if (value != JsonToken.VALUE_NULL) {
            expect(value, JsonToken.VALUE_NUMBER_INT, "an integer");
            b.sizeBytes(p.getLongValue());
          }
        }
        case "StreamViewType" -> b.streamViewType(text(value));
        default -> p.skipChildren();
      }
    }
    return b.build();
  }

  private @Nullable Instant epochSeconds(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      throw problem("expected a number of epoch seconds, found " + kind(value));
    }
    double seconds = p.getDoubleValue();
    if (seconds == 0) {
      return null;
    }
    // The same arithmetic as the Lambda runtime's DateModule, so both handler bases agree.
    return Instant.ofEpochMilli((long) (seconds * 1000.0));
  }

  private Identity identity(JsonToken start) throws IOException {
    expect(start, JsonToken.START_OBJECT, "an object");
    Identity.Builder b = Identity.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "principalId" -> b.principalId(text(value));
        case "type" -> b.type(text(value));
        default -> p.skipChildren();
      }
    }
    return b.build();
  }

  private Map<String, AttributeValue> image(JsonToken start) throws IOException {
    expect(start, JsonToken.START_OBJECT, "an object of attributes");
    Map<String, AttributeValue> out = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, value(p.nextToken()));
    }
    return out;
  }

  private AttributeValue value(JsonToken start) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      throw problem("attribute value is null");
    }
    expect(start, JsonToken.START_OBJECT, "an attribute value object");
    AttributeValue.Builder b = AttributeValue.builder();
    boolean typed = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      typed = true;
      switch (type) {
        case "S" -> b.s(text(value));
        case "N" -> b.n(text(value));
        case "B" -> b.b(binary(value));
        case "SS" -> b.ss(strings(value));
        case "NS" -> b.ns(strings(value));
        case "BS" -> b.bs(binaries(value));
        case "M" -> b.m(image(value));
        case "L" -> b.l(list(value));
        case "NULL" -> b.nul(bool(value));
        case "BOOL" -> b.bool(bool(value));
        default -> throw problem("unknown attribute type " + type);
      }
    }
    if (!typed) {
      throw problem("attribute value has no type");
    }
    return b.build();
  }

  private List<String> strings(JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of strings");
    List<String> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(t, JsonToken.VALUE_STRING, "a string");
      out.add(p.getText());
    }
    return out;
  }

  private List<SdkBytes> binaries(JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of base64 strings");
    List<SdkBytes> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(binary(t));
    }
    return out;
  }

  private SdkBytes binary(JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_STRING, "a base64 string");
    return SdkBytes.fromByteArrayUnsafe(p.getBinaryValue());
  }

  private List<AttributeValue> list(JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of attribute values");
    List<AttributeValue> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(value(t));
    }
    return out;
  }

  private boolean bool(JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
      throw problem("expected true or false, found " + kind(value));
    }
    return value == JsonToken.VALUE_TRUE;
  }

  private @Nullable String text(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value, JsonToken.VALUE_STRING, "a string");
    return p.getText();
  }

  private void expect(@Nullable JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw problem("expected " + what + ", found " + kind(actual));
    }
  }

  /** The kind of a token, never its text. */
  private static String kind(@Nullable JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  private String path() {
    return p.getParsingContext().pathAsPointer().toString();
  }

  private EventDecodingException problem(String what) {
    return new EventDecodingException(index, eventId, path(), what);
  }
}
