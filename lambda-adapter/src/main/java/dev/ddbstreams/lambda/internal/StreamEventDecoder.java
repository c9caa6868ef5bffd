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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.lambda.EventDecodingException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Decodes a Lambda DynamoDB stream event from JSON with Jackson's streaming parser: no event
 * classes, no tree, no reflection, and no images until something reads them.
 *
 * <p>The scan builds each record's metadata, keys and user identity as SDK v2 objects, and only
 * notes where its {@code NewImage} and {@code OldImage} lie in the event bytes ({@link JsonImages}
 * decodes them on first read). Jackson tokenizes what it skips, so malformed JSON anywhere, images
 * included, fails the scan; an image that is well-formed JSON but no valid image (an unknown
 * attribute type, a null value, bad base64) fails when first read, as a {@code
 * MalformedRecordException} of that record. The records come as a {@link LazyBatch}: as a list of
 * SDK records it is complete, each record equal to what {@link LambdaEventConverter} produces from
 * the event the Lambda runtime decodes.
 *
 * <p>Produces what the converter produces, including its quirks: {@code
 * ApproximateCreationDateTime} is read as a double of epoch seconds and truncated to milliseconds
 * after multiplying by 1000 (as the runtime's date module does), and 0 means no timestamp. Unknown
 * fields are skipped. Anything else unexpected is an {@link EventDecodingException} that names the
 * record and the JSON path, never a value. Input the parser reads as UTF-16 or UTF-32 has no byte
 * offsets, so its images are decoded at once.
 *
 * <p>Entry point for benchmarks: {@link #decode(InputStream)}. Thread-safe: each call has its own
 * parser.
 */
public final class StreamEventDecoder {
  private static final JsonFactory JSON = new JsonFactory();

  /** Larger than any Lambda event (6 MB), smaller than an array a wrong hint could make fail. */
  private static final int MAX_SIZE_HINT = 64 << 20;

  // Fields whose text is the same in most records of an event: the last value of each is reused.
  private static final int EVENT_NAME = 0;
  private static final int EVENT_VERSION = 1;
  private static final int EVENT_SOURCE = 2;
  private static final int AWS_REGION = 3;
  private static final int EVENT_SOURCE_ARN = 4;
  private static final int STREAM_VIEW_TYPE = 5;

  private final @Nullable String[] lastText = new String[6];
  private final JsonParser p;
  private final byte[] bytes;
  private int index = -1;
  private @Nullable String eventId;
  // Where the current record's images lie; -1 when it has none (or they were decoded at once).
  private int newStart;
  private int newEnd;
  private int oldStart;
  private int oldEnd;

  private StreamEventDecoder(JsonParser parser, byte[] bytes) {
    this.p = parser;
    this.bytes = bytes;
  }

  /**
   * Decodes an event. The stream is read to its end first: the records' images are ranges of its
   * bytes.
   *
   * @param json the event JSON; not closed
   * @return the records and the stream ARN they share
   * @throws IOException if the stream cannot be read
   * @throws EventDecodingException if the JSON is malformed or not a DynamoDB stream event
   */
  public static DecodedEvent decode(InputStream json) throws IOException {
    // available() is the exact size for in-memory streams: then one array, no copy. It is only a
    // hint, so a stream that claims more than a Lambda event can hold does not size the array.
    int hint = json.available();
    byte[] buffer = new byte[hint > 0 && hint < MAX_SIZE_HINT ? hint + 1 : 8192];
    int length = 0;
    int n;
    while ((n = json.read(buffer, length, buffer.length - length)) >= 0) {
      length += n;
      if (length == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    return decode(buffer, length);
  }

  /**
   * Decodes an event held in memory. The records keep a reference to the array: do not change it.
   *
   * @param json the event JSON, UTF-8
   * @return the records and the stream ARN they share
   * @throws EventDecodingException if the JSON is malformed or not a DynamoDB stream event
   */
  public static DecodedEvent decode(byte[] json) {
    return decode(json, json.length);
  }

  private static DecodedEvent decode(byte[] json, int length) {
    try (JsonParser parser = JSON.createParser(json, 0, length)) {
      return new StreamEventDecoder(parser, json).event();
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
      List<@Nullable LazyImages> images = new ArrayList<>();
      StreamArnCheck arns = new StreamArnCheck();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("Records".equals(name) && value != JsonToken.VALUE_NULL) {
          expect(value, JsonToken.START_ARRAY, "an array of records");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            index++;
            eventId = null;
            newStart = -1;
            oldStart = -1;
            Record record = record(arns);
            records.add(record);
            images.add(images(record));
          }
          index = -1;
          eventId = null;
        } else {
          p.skipChildren();
        }
      }
      return new DecodedEvent(new LazyBatch(records, images), arns.arn());
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

  /** The current record's undecoded images, or null if it has none left undecoded. */
  private @Nullable LazyImages images(Record record) {
    if (newStart < 0 && oldStart < 0) {
      return null;
    }
    StreamRecord body = record.dynamodb();
    return new JsonImages(
        bytes,
        newStart,
        newEnd,
        oldStart,
        oldEnd,
        index,
        eventId,
        body == null ? null : body.sequenceNumber());
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
        case "eventName" -> b.eventName(repeated(value, EVENT_NAME));
        case "eventVersion" -> b.eventVersion(repeated(value, EVENT_VERSION));
        case "eventSource" -> b.eventSource(repeated(value, EVENT_SOURCE));
        case "awsRegion" -> b.awsRegion(repeated(value, AWS_REGION));
        case "eventSourceARN" -> {
          arn = repeated(value, EVENT_SOURCE_ARN);
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
    // A second dynamodb object replaces the first, images included.
    newStart = -1;
    oldStart = -1;
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
          newStart = -1;
          if (value != JsonToken.VALUE_NULL) {
            int at = imageStart(value);
            if (at < 0) {
              b.newImage(image(value));
            } else {
              newStart = at;
              newEnd = imageEnd();
            }
          }
        }
        case "OldImage" -> {
          oldStart = -1;
          if (value != JsonToken.VALUE_NULL) {
            int at = imageStart(value);
            if (at < 0) {
              b.oldImage(image(value));
            } else {
              oldStart = at;
              oldEnd = imageEnd();
            }
          }
        }
        case "SequenceNumber" -> b.sequenceNumber(text(value));
        case "SizeBytes" -> {
          if (value != JsonToken.VALUE_NULL) {
            expect(value, JsonToken.VALUE_NUMBER_INT, "an integer");
            b.sizeBytes(p.getLongValue());
          }
        }
        case "StreamViewType" -> b.streamViewType(repeated(value, STREAM_VIEW_TYPE));
        default -> p.skipChildren();
      }
    }
    return b.build();
  }

  /**
   * The byte offset of an image object's opening brace, or -1 if the parser has no byte offsets
   * (input it reads as UTF-16 or UTF-32), in which case the image is decoded at once.
   */
  private int imageStart(JsonToken value) {
    expect(value, JsonToken.START_OBJECT, "an object of attributes");
    long offset = p.currentTokenLocation().getByteOffset();
    // The check costs one comparison and keeps a parser that counts offsets otherwise correct.
    return offset < 0 || offset >= bytes.length || bytes[(int) offset] != '{' ? -1 : (int) offset;
  }

  /** Skips the image object the parser is on, checking its JSON; returns the offset after it. */
  private int imageEnd() throws IOException {
    p.skipChildren();
    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
    if (bytes[end - 1] != '}') {
      throw new IllegalStateException("the parser's byte offsets do not match the event's bytes");
    }
    return end;
  }

  private @Nullable Instant epochSeconds(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
      throw problem("expected a number of epoch seconds, found " + AttributeJson.kind(value));
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

  /** Keys, and images the scan cannot leave for later: decoded now, problems as the event's. */
  private Map<String, AttributeValue> image(JsonToken start) throws IOException {
    try {
      return AttributeJson.copiedImage(p, start);
    } catch (AttributeJson.AttributeProblem e) {
      throw problem(e.getMessage());
    }
  }

  private @Nullable String text(JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value, JsonToken.VALUE_STRING, "a string");
    return p.getText();
  }

  /**
   * The text of a field that most records of an event share (the stream ARN, the region, the view
   * type): the previous record's string when the characters are the same, so that 1,000 records do
   * not make 1,000 copies of one ARN.
   */
  private @Nullable String repeated(JsonToken value, int field) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(value, JsonToken.VALUE_STRING, "a string");
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    String last = lastText[field];
    if (last != null && last.length() == length) {
      int i = 0;
      while (i < length && last.charAt(i) == chars[offset + i]) {
        i++;
      }
      if (i == length) {
        return last;
      }
    }
    String text = new String(chars, offset, length);
    lastText[field] = text;
    return text;
  }

  private void expect(@Nullable JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw problem("expected " + what + ", found " + AttributeJson.kind(actual));
    }
  }

  private String path() {
    return p.getParsingContext().pathAsPointer().toString();
  }

  private EventDecodingException problem(String what) {
    return new EventDecodingException(index, eventId, path(), what);
  }
}
