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
package dev.ddbstreams.idempotency;

/**
 * The identity of one (handler, record) pair in an idempotency store.
 *
 * @param namespace separates applications that share a store, such as {@code pet-views}
 * @param handlerId the handler's stable ID
 * @param recordId the record's identity: its event ID, or its item key and sequence number
 */
public record IdempotencyKey(String namespace, String handlerId, String recordId) {

  /**
   * Returns the key as one string, the form stores persist: {@code namespace#handlerId#recordId},
   * with {@code %} and {@code #} in the namespace and the record ID written {@code %25} and {@code
   * %23}. The first {@code #} therefore ends the namespace and the last one starts the record ID,
   * so two different keys never share a value, whatever the handler ID (whose default, {@code
   * Class#method}, has a {@code #} of its own). Names without those characters read as they are.
   *
   * @return the key
   */
  public String value() {
    return escape(namespace) + '#' + handlerId + '#' + escape(recordId);
  }

  private static String escape(String part) {
    if (part.indexOf('#') < 0 && part.indexOf('%') < 0) {
      return part;
    }
    return part.replace("%", "%25").replace("#", "%23");
  }
}
