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
