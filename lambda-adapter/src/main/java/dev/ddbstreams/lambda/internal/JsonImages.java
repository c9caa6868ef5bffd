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
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.internal.record.LazyImages;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The images of one record of a Lambda event, kept as byte ranges of the event JSON and decoded on
 * first read.
 *
 * <p>The event scan has checked that each range is well-formed JSON (Jackson tokenizes what it
 * skips); what is checked only here is what makes a JSON object an image: attribute value objects
 * of known types, base64 binaries, and so on. A problem found here is a {@link
 * MalformedRecordException} with the record's event ID and sequence number and the JSON path of the
 * attribute in the event ({@code /Records/3/dynamodb/NewImage/name/Q}), never a value.
 *
 * <p>Holds the event's byte array (shared by all records of the event, not copied), so the images
 * stay readable as long as the record is reachable, after the invocation too.
 */
final class JsonImages extends LazyImages {
  private static final JsonFactory JSON = new JsonFactory();

  private final byte[] event;
  private final int newStart;
  private final int newEnd;
  private final int oldStart;
  private final int oldEnd;
  private final int recordIndex;
  private final @Nullable String eventId;
  private final @Nullable String sequenceNumber;

  /**
   * Creates the images of a record; a range whose start is negative is an image the record lacks.
   */
  JsonImages(
      byte[] event,
      int newStart,
      int newEnd,
      int oldStart,
      int oldEnd,
      int recordIndex,
      @Nullable String eventId,
      @Nullable String sequenceNumber) {
    super(newStart >= 0, oldStart >= 0);
    this.event = event;
    this.newStart = newStart;
    this.newEnd = newEnd;
    this.oldStart = oldStart;
    this.oldEnd = oldEnd;
    this.recordIndex = recordIndex;
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
  }

  @Override
  protected Map<String, AttributeValue> decode(ImageKind kind) {
    boolean isNew = kind == ImageKind.NEW_IMAGE;
    int start = isNew ? newStart : oldStart;
    int end = isNew ? newEnd : oldEnd;
    try (JsonParser p = JSON.createParser(event, start, end - start)) {
      try {
        Map<String, AttributeValue> image = AttributeJson.image(p, p.nextToken());
        return Collections.unmodifiableMap(image);
      } catch (AttributeJson.AttributeProblem e) {
        throw problem(kind, p, e.getMessage());
      } catch (JsonProcessingException e) {
        // The parser's message may quote the input: only its kind is kept.
        throw problem(kind, p, "malformed JSON (" + e.getClass().getSimpleName() + ")");
      }
    } catch (IOException e) {
      // Reading a byte array fails only on malformed input, which is handled above.
      throw new MalformedRecordException(
          eventId, sequenceNumber, kind + " cannot be read: " + e.getClass().getName());
    }
  }

  private MalformedRecordException problem(ImageKind kind, JsonParser p, String what) {
    return new MalformedRecordException(
        eventId,
        sequenceNumber,
        what
            + " at "
            + "/Records/"
            + recordIndex
            + "/dynamodb/"
            + (kind == ImageKind.NEW_IMAGE ? "NewImage" : "OldImage")
            + p.getParsingContext().pathAsPointer());
  }
}
