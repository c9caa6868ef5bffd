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

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a stream writes for each change: the stream's {@code StreamViewType}. */
public enum ViewType {
  /** Only the key attributes. */
  KEYS_ONLY,
  /** The item after the change. */
  NEW_IMAGE,
  /** The item before the change. */
  OLD_IMAGE,
  /** Both images. */
  NEW_AND_OLD_IMAGES,
  /** The record did not say; only hand-made records lack it. */
  UNKNOWN;

  /**
   * Returns whether streams of this view type carry the given image (when the event has it).
   *
   * @param kind the image
   * @return {@code true} if such a stream writes that image
   */
  public boolean carries(ImageKind kind) {
    return switch (this) {
      case NEW_AND_OLD_IMAGES -> true;
      case NEW_IMAGE -> kind == ImageKind.NEW_IMAGE;
      case OLD_IMAGE -> kind == ImageKind.OLD_IMAGE;
      case KEYS_ONLY, UNKNOWN -> false;
    };
  }

  /**
   * Parses DynamoDB's name of a view type; anything else, {@code null} included, is {@link
   * #UNKNOWN}.
   *
   * @param name a name such as {@code NEW_AND_OLD_IMAGES}
   * @return the view type
   */
  public static ViewType fromWireName(@Nullable String name) {
    if (name == null) {
      return UNKNOWN;
    }
    // DynamoDB writes upper case; only other spellings pay for the case conversion.
    ViewType exact = exactly(name);
    return exact != UNKNOWN ? exact : exactly(name.toUpperCase(Locale.ROOT));
  }

  private static ViewType exactly(String name) {
    return switch (name) {
      case "KEYS_ONLY" -> KEYS_ONLY;
      case "NEW_IMAGE" -> NEW_IMAGE;
      case "OLD_IMAGE" -> OLD_IMAGE;
      case "NEW_AND_OLD_IMAGES" -> NEW_AND_OLD_IMAGES;
      default -> UNKNOWN;
    };
  }
}
