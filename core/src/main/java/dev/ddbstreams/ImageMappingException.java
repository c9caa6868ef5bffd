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
package dev.ddbstreams;

import org.jspecify.annotations.Nullable;

/**
 * An image could not be turned into the target type: an attribute of an unknown type, a number that
 * does not fit its field, a value of the wrong shape.
 *
 * <p>A mapper throws it with the attribute path and the target type; {@link StreamRecord} adds the
 * record's event ID, sequence number and which image. The message never contains attribute values.
 */
public final class ImageMappingException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final String targetType;
  private final String attributePath;
  private final String reason;
  private final @Nullable String eventId;
  private final @Nullable String sequenceNumber;
  private final @Nullable ImageKind image;

  /**
   * Creates the exception a mapper throws, before the record is known.
   *
   * @param targetType the name of the type being mapped to
   * @param attributePath where in the image, such as {@code address.city} or {@code tags[2]}; empty
   *     for the whole image
   * @param reason what is wrong, without values
   */
  public ImageMappingException(String targetType, String attributePath, String reason) {
    this(targetType, attributePath, reason, null, null, null, null);
  }

  private ImageMappingException(
      String targetType,
      String attributePath,
      String reason,
      @Nullable String eventId,
      @Nullable String sequenceNumber,
      @Nullable ImageKind image,
      @Nullable Throwable cause) {
    super(message(targetType, attributePath, reason, eventId, sequenceNumber, image), cause);
    this.targetType = targetType;
    this.attributePath = attributePath;
    this.reason = reason;
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
    this.image = image;
  }

  /**
   * Returns a copy of this exception that names the record and image it came from.
   *
   * @param eventId the record's event ID
   * @param sequenceNumber the record's sequence number
   * @param image which image was being mapped
   * @return the exception with the record's coordinates
   */
  public ImageMappingException inRecord(String eventId, String sequenceNumber, ImageKind image) {
    ImageMappingException copy =
        new ImageMappingException(
            targetType, attributePath, reason, eventId, sequenceNumber, image, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  /**
   * Creates the exception for a failure of a user-supplied mapper, keeping its cause.
   *
   * @param targetType the name of the type being mapped to
   * @param cause what the mapper threw
   * @return the exception
   */
  public static ImageMappingException ofMapperFailure(String targetType, Throwable cause) {
    return new ImageMappingException(
        targetType,
        "",
        "the image mapper threw " + cause.getClass().getName(),
        null,
        null,
        null,
        cause);
  }

  private static String message(
      String targetType,
      String attributePath,
      String reason,
      @Nullable String eventId,
      @Nullable String sequenceNumber,
      @Nullable ImageKind image) {
    StringBuilder sb = new StringBuilder("Cannot map ");
    sb.append(image == null ? "image" : image.wireName());
    if (eventId != null) {
      sb.append(" of record eventID=").append(eventId);
      sb.append(", sequenceNumber=").append(sequenceNumber);
    }
    sb.append(" to ").append(targetType);
    if (!attributePath.isEmpty()) {
      sb.append(" at attribute '").append(attributePath).append('\'');
    }
    return sb.append(": ").append(reason).toString();
  }

  /**
   * Returns the name of the type the image was mapped to.
   *
   * @return a class name
   */
  public String targetType() {
    return targetType;
  }

  /**
   * Returns where in the image the problem is.
   *
   * @return a path such as {@code address.city} or {@code tags[2]}, empty for the whole image
   */
  public String attributePath() {
    return attributePath;
  }

  /**
   * Returns what is wrong, without values.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Returns the event ID of the record, once known.
   *
   * @return the event ID or {@code null} when thrown outside a record
   */
  public @Nullable String eventId() {
    return eventId;
  }

  /**
   * Returns the sequence number of the record, once known.
   *
   * @return the sequence number or {@code null} when thrown outside a record
   */
  public @Nullable String sequenceNumber() {
    return sequenceNumber;
  }

  /**
   * Returns which image failed, once known.
   *
   * @return the image or {@code null} when thrown outside a record
   */
  public @Nullable ImageKind image() {
    return image;
  }
}
