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

import java.util.List;

/**
 * The rule, shared by update and projection expressions, that no two paths of one expression may
 * overlap ({@code a} and {@code a.b}, or the same path twice) or conflict ({@code a.b} and {@code
 * a[0]}). The check is on the paths alone, before any item is read.
 */
final class DisjointPaths {

  private DisjointPaths() {}

  /** Throws the service's overlap or conflict error for the first offending pair, in text order. */
  static void check(List<Path> paths, String parameter) {
    for (int i = 0; i < paths.size(); i++) {
      for (int j = i + 1; j < paths.size(); j++) {
        switch (paths.get(i).relation(paths.get(j))) {
          case OVERLAP:
            throw ExpressionErrors.overlap(parameter, paths.get(i), paths.get(j));
          case CONFLICT:
            throw ExpressionErrors.conflict(parameter, paths.get(i), paths.get(j));
          default:
            break;
        }
      }
    }
  }
}
