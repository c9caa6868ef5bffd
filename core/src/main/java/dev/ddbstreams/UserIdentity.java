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
 * Who made a change, when DynamoDB says so. Only TTL deletes carry one: type {@code Service},
 * principal {@code dynamodb.amazonaws.com}.
 *
 * @param type the identity type, for example {@code Service}
 * @param principalId the principal, for example {@code dynamodb.amazonaws.com}
 */
public record UserIdentity(String type, String principalId) {

  /** The identity DynamoDB puts on deletes made by Time to Live. */
  public static final UserIdentity TTL_SERVICE =
      new UserIdentity("Service", "dynamodb.amazonaws.com");

  /**
   * Returns whether this is the identity of a TTL delete.
   *
   * @return {@code true} for type {@code Service} and principal {@code dynamodb.amazonaws.com}
   */
  public boolean isTtlService() {
    return TTL_SERVICE.equals(this);
  }
}
