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
package dev.ddbstreams.internal.mapping;

/**
 * Renders attribute paths the way every message of the library shows them: {@code address.city},
 * {@code tags[2]}. A name that contains {@code .}, {@code [}, {@code ]} or a backtick, or is empty,
 * is quoted in backticks, with backticks inside doubled, so paths stay unambiguous.
 */
public final class AttributePath {
  private AttributePath() {}

  /**
   * Appends a map key to a path.
   *
   * @param parent the path so far, empty at the top
   * @param name the attribute name
   * @return the longer path
   */
  public static String child(String parent, String name) {
    String segment = quote(name);
    return parent.isEmpty() ? segment : parent + '.' + segment;
  }

  /**
   * Appends a list index to a path.
   *
   * @param parent the path so far
   * @param index the index
   * @return the longer path
   */
  public static String index(String parent, int index) {
    return parent + '[' + index + ']';
  }

  /**
   * Quotes a name if it needs quoting.
   *
   * @param name the attribute name
   * @return the name, or the name in backticks
   */
  public static String quote(String name) {
    // One quoting rule for every path the library prints or parses: ImageDiff's.
    StringBuilder sb = new StringBuilder(name.length() + 2);
    dev.ddbstreams.internal.diff.AttributePath.appendName(sb, name);
    return sb.toString();
  }
}
