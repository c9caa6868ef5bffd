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
package dev.ddbstreams.emulator.internal.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code TransactionCanceledException} of a cancelled transaction: one reason per action, in
 * request order, and the service's message listing their codes. Shared by the transactions and by
 * the HTTP front's injected transaction conflicts.
 */
public final class Cancellations {

  private Cancellations() {}

  /** A reason without a message: {@code {"Code":"None"}} and the like. */
  public static ObjectNode reason(String code) {
    return JsonNodeFactory.instance.objectNode().put("Code", code);
  }

  /** A reason with a message. */
  public static ObjectNode reason(String code, String message) {
    return reason(code).put("Message", message);
  }

  /** The exception for these reasons. */
  public static AwsException canceled(List<ObjectNode> reasons) {
    StringJoiner codes = new StringJoiner(", ", "[", "]");
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (ObjectNode r : reasons) {
      codes.add(r.path("Code").asText());
      array.add(r);
    }
    ObjectNode extra = JsonNodeFactory.instance.objectNode();
    extra.set("CancellationReasons", array);
    return new AwsException(
        400,
        "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
        extra);
  }
}
