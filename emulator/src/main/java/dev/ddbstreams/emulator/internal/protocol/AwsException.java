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

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * An error the emulator answers with, in the service's JSON 1.0 error shape: HTTP status, {@code
 * __type} and {@code message}, plus optional extra fields (for example {@code CancellationReasons}
 * of a cancelled transaction, or {@code Item} of a failed condition).
 *
 * <p>Messages follow the service's wording where the service's wording is known. They never hold
 * item values.
 */
public final class AwsException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

  private final int status;
  private final String type;
  private final transient @Nullable ObjectNode extra;

  public AwsException(int status, String type, String message, @Nullable ObjectNode extra) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.extra = extra;
  }

  /** {@code ValidationException}, HTTP 400: a request the service rejects as malformed. */
  public static AwsException validation(String message) {
    return new AwsException(400, "com.amazon.coral.validate#ValidationException", message, null);
  }

  /** {@code ResourceNotFoundException}, HTTP 400. */
  public static AwsException resourceNotFound(String message) {
    return dynamo(400, "ResourceNotFoundException", message);
  }

  /** {@code ResourceInUseException}, HTTP 400. */
  public static AwsException resourceInUse(String message) {
    return dynamo(400, "ResourceInUseException", message);
  }

  /** {@code ConditionalCheckFailedException}, HTTP 400, optionally with the item as it is. */
  public static AwsException conditionalCheckFailed(@Nullable ObjectNode item) {
    return new AwsException(
        400, DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", item);
  }

  /** {@code InternalServerError}, HTTP 500. */
  public static AwsException internalServerError(String message) {
    return dynamo(500, "InternalServerError", message);
  }

  /** {@code ProvisionedThroughputExceededException}, HTTP 400 (the SDK retries it). */
  public static AwsException throttled(String message) {
    return dynamo(400, "ProvisionedThroughputExceededException", message);
  }

  /**
   * {@code LimitExceededException}, HTTP 400: what DynamoDB Streams answers for a request rate too
   * high (its counterpart of the DynamoDB API's throughput exception).
   */
  public static AwsException limitExceeded(String message) {
    return dynamo(400, "LimitExceededException", message);
  }

  /** {@code ExpiredIteratorException}, HTTP 400: a shard iterator older than its 15 minutes. */
  public static AwsException expiredIterator() {
    return dynamo(
        400, "ExpiredIteratorException", "The provided iterator exceeds the maximum age allowed.");
  }

  /**
   * {@code TrimmedDataAccessException}, HTTP 400: a shard position whose records are past the
   * stream's retention.
   */
  public static AwsException trimmedDataAccess() {
    return dynamo(
        400, "TrimmedDataAccessException", "The data you are trying to access has been trimmed.");
  }

  /** {@code UnknownOperationException}, HTTP 400. */
  public static AwsException unknownOperation(String target) {
    return new AwsException(
        400,
        "com.amazon.coral.service#UnknownOperationException",
        "Unknown operation " + target,
        null);
  }

  /** An error of the DynamoDB namespace, such as {@code TrimmedDataAccessException}. */
  public static AwsException dynamo(int status, String shortType, String message) {
    return new AwsException(status, DYNAMODB + shortType, message, null);
  }

  public int status() {
    return status;
  }

  /** The full {@code __type}, namespace included. */
  public String type() {
    return type;
  }

  /** Fields written beside {@code __type} and {@code message}, or {@code null}. */
  public @Nullable ObjectNode extra() {
    return extra;
  }
}
