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
package dev.ddbstreams.backfill;

import dev.ddbstreams.DdbStreamsException;
import java.util.List;

/**
 * A {@link TableBackfill} setting is missing or wrong, or does not fit the table or the checkpoints
 * found. {@link TableBackfill.Builder#build()} reports every problem of the settings at once;
 * {@link TableBackfill#run()} reports what only the table and the checkpoint store can tell (key
 * attributes the router does not use, checkpoints saved with another number of segments).
 */
public final class BackfillConfigurationException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param problems one line per problem, naming the setting
   */
  public BackfillConfigurationException(List<String> problems) {
    super("TableBackfill settings are invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems found.
   *
   * @return one line per problem
   */
  public List<String> problems() {
    return problems;
  }
}
