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
package dev.ddbstreams.emulator.internal.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The operations the server answers, by {@code X-Amz-Target}: {@code DynamoDB_20120810.PutItem},
 * {@code DynamoDBStreams_20120810.GetRecords}, and so on.
 */
public final class OperationRegistry {

  /** Target prefix of the DynamoDB API. */
  public static final String DYNAMODB = "DynamoDB_20120810.";

  /** Target prefix of the DynamoDB Streams API. */
  public static final String STREAMS = "DynamoDBStreams_20120810.";

  private final Map<String, Operation> byTarget = new ConcurrentHashMap<>();

  /** Registers a DynamoDB operation by name, such as {@code PutItem}. */
  public void dynamoDb(String name, Operation operation) {
    register(DYNAMODB + name, operation);
  }

  /** Registers a DynamoDB Streams operation by name, such as {@code GetRecords}. */
  public void streams(String name, Operation operation) {
    register(STREAMS + name, operation);
  }

  private void register(String target, Operation operation) {
    if (byTarget.putIfAbsent(target, operation) != null) {
      throw new IllegalStateException("Two operations registered for " + target);
    }
  }

  /** The operation for a full target, or {@code null} if none is registered. */
  public @Nullable Operation find(String target) {
    return byTarget.get(target);
  }
}
