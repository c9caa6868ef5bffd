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

/**
 * A handler staged an operation on {@link TransactionalWrites} that DynamoDB would refuse in a
 * transaction: too many operations, an item or a transaction too large, a table in another account
 * or region, or a second operation on one item. Thrown by the staging call, so the stack trace
 * points at it; the attempt fails and is not retried in-process, since it would stage the same. The
 * message names the staged operation by index, kind and table, never by values.
 */
public final class TransactionLimitException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which limit, and which staged operation broke it; no values
   */
  public TransactionLimitException(String message) {
    super(message);
  }
}
