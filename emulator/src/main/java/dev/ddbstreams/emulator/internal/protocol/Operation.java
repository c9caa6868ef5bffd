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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API operation ({@code PutItem}, {@code GetRecords}, ...): takes the request's JSON body and
 * returns the response's, or throws {@link AwsException}.
 *
 * <p>Implementations are called from many HTTP threads at once.
 */
@FunctionalInterface
public interface Operation {

  /**
   * Runs the operation.
   *
   * @param request the parsed request body (an empty object when the body was empty)
   * @return the response body
   * @throws AwsException for every error the service would answer with
   */
  JsonNode handle(ObjectNode request);
}
