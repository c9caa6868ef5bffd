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

/**
 * An image was asked for that the record does not carry although its event has one: the stream's
 * view type leaves it out (an old image on a {@code NEW_IMAGE} stream, any image on {@code
 * KEYS_ONLY}), or the record is incomplete.
 *
 * <p>Never thrown for images an event cannot have (the old image of an insert, the new image of a
 * remove): those are simply absent.
 */
public final class MissingImageException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final String eventId;
  private final String sequenceNumber;
  private final ImageKind image;
  private final ViewType viewType;

  /**
   * Creates the exception.
   *
   * @param eventId the record's event ID
   * @param sequenceNumber the record's sequence number
   * @param eventName the record's event name
   * @param image the image asked for
   * @param viewType the stream's view type as the record states it
   * @param consumer who asked, such as a handler's {@code Class#method}, or empty
   */
  public MissingImageException(
      String eventId,
      String sequenceNumber,
      EventName eventName,
      ImageKind image,
      ViewType viewType,
      String consumer) {
    super(message(eventId, sequenceNumber, eventName, image, viewType, consumer));
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
    this.image = image;
    this.viewType = viewType;
  }

  private static String message(
      String eventId,
      String sequenceNumber,
      EventName eventName,
      ImageKind image,
      ViewType viewType,
      String consumer) {
    String who = consumer.isEmpty() ? "" : consumer + " needs the ";
    String what = who.isEmpty() ? "The " + image.wireName() : who + image.wireName();
    String why =
        viewType.carries(image)
            ? "the record lacks it although its stream view type " + viewType + " should carry it"
            : viewType == ViewType.UNKNOWN
                ? "the record lacks it and does not state its stream view type"
                : "streams of view type "
                    + viewType
                    + " do not carry it; change the table's StreamViewType to one that does";
    return what
        + " of "
        + eventName
        + " record eventID="
        + eventId
        + ", sequenceNumber="
        + sequenceNumber
        + " is missing: "
        + why;
  }

  /**
   * Returns the event ID of the record.
   *
   * @return the event ID
   */
  public String eventId() {
    return eventId;
  }

  /**
   * Returns the sequence number of the record.
   *
   * @return the sequence number
   */
  public String sequenceNumber() {
    return sequenceNumber;
  }

  /**
   * Returns the image that was asked for.
   *
   * @return the image
   */
  public ImageKind image() {
    return image;
  }

  /**
   * Returns the view type the record states.
   *
   * @return the view type
   */
  public ViewType viewType() {
    return viewType;
  }
}
