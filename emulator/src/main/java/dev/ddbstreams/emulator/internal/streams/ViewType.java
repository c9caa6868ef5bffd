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
package dev.ddbstreams.emulator.internal.streams;

/** What a stream's records carry of the changed item ({@code StreamViewType}). */
enum ViewType {
  KEYS_ONLY(false, false),
  NEW_IMAGE(true, false),
  OLD_IMAGE(false, true),
  NEW_AND_OLD_IMAGES(true, true);

  private final boolean newImage;
  private final boolean oldImage;

  ViewType(boolean newImage, boolean oldImage) {
    this.newImage = newImage;
    this.oldImage = oldImage;
  }

  boolean includesNewImage() {
    return newImage;
  }

  boolean includesOldImage() {
    return oldImage;
  }

  /**
   * The view type of that name.
   *
   * @throws IllegalArgumentException for a name that is not a view type
   */
  static ViewType of(String name) {
    for (ViewType v : values()) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Not a StreamViewType: " + name);
  }
}
