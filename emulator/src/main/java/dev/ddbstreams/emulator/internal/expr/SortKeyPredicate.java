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

import dev.ddbstreams.emulator.internal.expr.KeyCondition.SortKeyCondition;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sort key half of a key condition.
 *
 * @param attributeName the sort key attribute
 * @param operator the comparison, key on the left
 * @param values one operand, or the two bounds of {@code BETWEEN}
 */
record SortKeyPredicate(String attributeName, Operator operator, List<AttributeValue> values)
    implements SortKeyCondition {

  SortKeyPredicate {
    values = List.copyOf(values);
  }

  @Override
  public boolean test(AttributeValue sortKeyValue) {
    AttributeValue first = values.get(0);
    if (operator == Operator.BEGINS_WITH) {
      return ValueFunctions.beginsWith(sortKeyValue, first);
    }
    Integer sign = ValueFunctions.order(sortKeyValue, first);
    if (sign == null) {
      return false;
    }
    switch (operator) {
      case EQ:
        return sign == 0;
      case LT:
        return sign < 0;
      case LE:
        return sign <= 0;
      case GT:
        return sign > 0;
      case GE:
        return sign >= 0;
      default:
        Integer toHigh = ValueFunctions.order(sortKeyValue, values.get(1));
        return sign >= 0 && toHigh != null && toHigh <= 0;
    }
  }
}
