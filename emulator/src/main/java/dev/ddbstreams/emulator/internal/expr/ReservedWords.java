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
package dev.ddbstreams.emulator.internal.expr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's reserved words, which may not appear as bare attribute names in an expression. The
 * list (about 570 words) lives in {@code reserved-words.txt} beside this class and is read on first
 * use, so that a process that never parses an expression never loads it.
 */
final class ReservedWords {

  private ReservedWords() {}

  /** Whether {@code word} is reserved, in any letter case. */
  static boolean contains(String word) {
    return Holder.WORDS.contains(word.toUpperCase(Locale.ROOT));
  }

  /** Number of reserved words, for tests. */
  static int count() {
    return Holder.WORDS.size();
  }

  private static final class Holder {
    static final Set<String> WORDS = load();

    private static Set<String> load() {
      Set<String> words = new HashSet<>();
      try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
        if (in == null) {
          throw new IllegalStateException("reserved-words.txt is missing from the classpath");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.startsWith("#")) {
            continue;
          }
          for (String word : line.split(" ")) {
            if (!word.isEmpty()) {
              words.add(word);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Set.copyOf(words);
    }
  }
}
