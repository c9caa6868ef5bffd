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
package dev.ddbstreams.testkit;

import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * TTL deletes as DynamoDB sends them on a stream: {@code REMOVE} records whose user identity is
 * type {@code Service}, principal {@code dynamodb.amazonaws.com}. The emulator writes them that way
 * ({@code TimeToLive#expire}), and {@link StreamEvents} builds them for unit tests.
 *
 * <p>Stateless and thread-safe.
 */
public final class TtlDeletes {

  /** The user identity type of a TTL delete on AWS. */
  public static final String TTL_IDENTITY_TYPE = "Service";

  /** The user identity principal of a TTL delete on AWS. */
  public static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

  private TtlDeletes() {}

  /**
   * Tells whether a record is a TTL delete in AWS's form: a {@code REMOVE} whose user identity is
   * type {@code Service}, principal {@code dynamodb.amazonaws.com}.
   *
   * @param record a stream record
   * @return whether the record is a TTL delete as AWS sends it
   */
  public static boolean isTtlDelete(Record record) {
    Identity identity = record.userIdentity();
    return record.eventName() == OperationType.REMOVE
        && identity != null
        && TTL_IDENTITY_TYPE.equals(identity.type())
        && TTL_PRINCIPAL.equals(identity.principalId());
  }

  /**
   * Returns the user identity AWS puts on TTL deletes.
   *
   * @return type {@code Service}, principal {@code dynamodb.amazonaws.com}
   */
  public static Identity serviceIdentity() {
    return Identity.builder().type(TTL_IDENTITY_TYPE).principalId(TTL_PRINCIPAL).build();
  }
}
