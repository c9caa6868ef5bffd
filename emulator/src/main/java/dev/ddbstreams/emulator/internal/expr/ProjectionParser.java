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

import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Projection expressions: {@code path (',' path)*}, no two paths overlapping or conflicting. */
final class ProjectionParser {

  static final String PARAMETER = "ProjectionExpression";

  private ProjectionParser() {}

  static Projection parse(String text, ExpressionInput input) {
    TokenReader in = new TokenReader(text, PARAMETER, input);
    List<Path> paths = new ArrayList<>();
    paths.add(in.path());
    while (in.at(Kind.COMMA)) {
      in.next();
      paths.add(in.path());
    }
    in.expectEnd();
    DisjointPaths.check(paths, PARAMETER);
    return ProjectionTree.of(paths);
  }
}
