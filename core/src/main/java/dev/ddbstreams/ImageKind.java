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

/** Which of a stream record's two images something refers to. */
public enum ImageKind {
  /** The item as it was after the change ({@code NewImage}). */
  NEW_IMAGE("NewImage"),
  /** The item as it was before the change ({@code OldImage}). */
  OLD_IMAGE("OldImage");

  private final String wireName;

  ImageKind(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name of this image in DynamoDB's and Lambda's JSON.
   *
   * @return {@code NewImage} or {@code OldImage}
   */
  public String wireName() {
    return wireName;
  }
}
