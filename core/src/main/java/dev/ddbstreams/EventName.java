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

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The kind of change a stream record describes. */
public enum EventName {
  /** A new item was added. */
  INSERT,
  /** An existing item was changed. */
  MODIFY,
  /** An item was deleted, by a user or by TTL expiry. */
  REMOVE;

  // Built once, so parsing a record's event name allocates nothing.
  private static final Optional<EventName> SOME_INSERT = Optional.of(INSERT);
  private static final Optional<EventName> SOME_MODIFY = Optional.of(MODIFY);
  private static final Optional<EventName> SOME_REMOVE = Optional.of(REMOVE);

  /**
   * Parses DynamoDB's name of an event, as a stream record's {@code eventName} carries it.
   *
   * @param name {@code INSERT}, {@code MODIFY} or {@code REMOVE}, in upper case as DynamoDB writes
   *     them
   * @return the event, or empty for any other text and for {@code null}
   */
  public static Optional<EventName> fromWireName(@Nullable String name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name) {
      case "INSERT" -> SOME_INSERT;
      case "MODIFY" -> SOME_MODIFY;
      case "REMOVE" -> SOME_REMOVE;
      default -> Optional.empty();
    };
  }

  /**
   * Returns whether a record of this kind can carry the given image: inserts have no old image and
   * removes have no new image.
   *
   * @param kind the image asked for
   * @return {@code true} if a stream of a suitable view type carries that image for this event
   */
  public boolean hasImage(ImageKind kind) {
    return switch (this) {
      case INSERT -> kind == ImageKind.NEW_IMAGE;
      case MODIFY -> true;
      case REMOVE -> kind == ImageKind.OLD_IMAGE;
    };
  }
}
