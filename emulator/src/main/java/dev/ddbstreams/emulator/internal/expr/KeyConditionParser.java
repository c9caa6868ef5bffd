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

import dev.ddbstreams.emulator.internal.expr.ConditionNode.And;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.BeginsWith;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Between;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Compare;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Contains;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Exists;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.In;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Not;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Or;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.TypeIs;
import dev.ddbstreams.emulator.internal.expr.KeyCondition.SortKeyCondition.Operator;
import dev.ddbstreams.emulator.internal.expr.Operand.Constant;
import dev.ddbstreams.emulator.internal.expr.Operand.PathOperand;
import dev.ddbstreams.emulator.internal.expr.Operand.Size;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key condition expressions. The service parses them with the condition grammar and then accepts
 * only what a query can use; so does this: {@link ConditionParser} reads the text, and the tree
 * must then be one or two conditions joined by {@code AND} (parentheses allowed), one an equality
 * on the partition key, the other a {@code = < <= > >= BETWEEN begins_with} on the sort key, each
 * comparing a top-level key attribute with values, in either order.
 */
final class KeyConditionParser {

  static final String PARAMETER = "KeyConditionExpression";

  private KeyConditionParser() {}

  /** One condition on one attribute, key on the left. */
  private record Term(String attribute, Operator operator, List<AttributeValue> values) {}

  static KeyCondition parse(
      String text, ExpressionInput input, String partitionKey, @Nullable String sortKey) {
    ConditionNode root = ConditionParser.parse(text, PARAMETER, input);
    rejectOperators(root);
    List<ConditionNode> leaves = new ArrayList<>();
    flatten(root, leaves);
    List<Term> terms = new ArrayList<>();
    for (ConditionNode leaf : leaves) {
      terms.add(term(leaf));
    }
    Set<String> attributes = new HashSet<>();
    for (Term t : terms) {
      if (!attributes.add(t.attribute())) {
        throw AwsException.validation(
            "KeyConditionExpressions must only contain one condition per key");
      }
    }
    if (terms.size() > 2) {
      throw AwsException.validation("Conditions can be of length 1 or 2 only");
    }
    Term partition = null;
    Term other = null;
    for (Term t : terms) {
      if (t.attribute().equals(partitionKey)) {
        partition = t;
      } else {
        other = t;
      }
    }
    if (partition == null) {
      throw missedKey(partitionKey);
    }
    if (partition.operator() != Operator.EQ) {
      throw AwsException.validation("Query key condition not supported");
    }
    SortKeyPredicate sort = null;
    if (other != null) {
      if (sortKey == null) {
        throw AwsException.validation("Query key condition not supported");
      }
      if (!other.attribute().equals(sortKey)) {
        throw missedKey(sortKey);
      }
      sort = new SortKeyPredicate(sortKey, other.operator(), other.values());
    }
    return new KeyCondition(partitionKey, partition.values().get(0), sort);
  }

  /** The service names the first operator a query cannot use, wherever it is in the tree. */
  private static void rejectOperators(ConditionNode node) {
    String invalid = null;
    if (node instanceof And) {
      rejectOperators(((And) node).left());
      rejectOperators(((And) node).right());
    } else if (node instanceof Or) {
      invalid = "OR";
    } else if (node instanceof Not) {
      invalid = "NOT";
    } else if (node instanceof In) {
      invalid = "IN";
    } else if (node instanceof Compare) {
      Compare c = (Compare) node;
      if (c.op() == CompareOp.NE) {
        invalid = "<>";
      } else if (c.left() instanceof Size || c.right() instanceof Size) {
        invalid = "size";
      }
    } else if (node instanceof Between) {
      Between b = (Between) node;
      if (b.value() instanceof Size || b.low() instanceof Size || b.high() instanceof Size) {
        invalid = "size";
      }
    } else if (node instanceof Exists) {
      invalid = ((Exists) node).exists() ? "attribute_exists" : "attribute_not_exists";
    } else if (node instanceof TypeIs) {
      invalid = "attribute_type";
    } else if (node instanceof Contains) {
      invalid = "contains";
    }
    if (invalid != null) {
      throw AwsException.validation("Invalid operator used in KeyConditionExpression: " + invalid);
    }
  }

  private static void flatten(ConditionNode node, List<ConditionNode> leaves) {
    if (node instanceof And) {
      flatten(((And) node).left(), leaves);
      flatten(((And) node).right(), leaves);
    } else {
      leaves.add(node);
    }
  }

  private static Term term(ConditionNode leaf) {
    if (leaf instanceof Compare) {
      Compare c = (Compare) leaf;
      if (c.left() instanceof PathOperand && c.right() instanceof Constant) {
        return new Term(key(c.left()), operator(c.op()), List.of(value(c.right())));
      }
      if (c.left() instanceof Constant && c.right() instanceof PathOperand) {
        return new Term(key(c.right()), operator(c.op().flipped()), List.of(value(c.left())));
      }
    } else if (leaf instanceof Between) {
      Between b = (Between) leaf;
      if (b.value() instanceof PathOperand
          && b.low() instanceof Constant
          && b.high() instanceof Constant) {
        return new Term(key(b.value()), Operator.BETWEEN, List.of(value(b.low()), value(b.high())));
      }
    } else if (leaf instanceof BeginsWith) {
      BeginsWith b = (BeginsWith) leaf;
      if (b.whole() instanceof PathOperand && b.prefix() instanceof Constant) {
        return new Term(key(b.whole()), Operator.BEGINS_WITH, List.of(value(b.prefix())));
      }
    }
    // Two paths, two values, or a key on the wrong side of BETWEEN / begins_with.
    throw AwsException.validation("Query key condition not supported");
  }

  private static String key(Operand operand) {
    Path path = ((PathOperand) operand).path();
    if (path.depth() > 1) {
      throw ExpressionErrors.invalid(
          PARAMETER, "KeyConditionExpressions cannot have conditions on nested attributes");
    }
    return path.topName();
  }

  private static AttributeValue value(Operand operand) {
    return ((Constant) operand).ref().value();
  }

  private static Operator operator(CompareOp op) {
    switch (op) {
      case EQ:
        return Operator.EQ;
      case LT:
        return Operator.LT;
      case LE:
        return Operator.LE;
      case GT:
        return Operator.GT;
      default:
        return Operator.GE;
    }
  }

  private static AwsException missedKey(String key) {
    return AwsException.validation("Query condition missed key schema element: " + key);
  }
}
