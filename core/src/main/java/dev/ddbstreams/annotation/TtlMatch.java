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
package dev.ddbstreams.annotation;

/** How a remove handler treats deletes made by Time to Live. */
public enum TtlMatch {
  /** Both user deletes and TTL expiry deletes. */
  INCLUDE,
  /** User deletes only. */
  EXCLUDE,
  /** TTL expiry deletes only. */
  ONLY
}
