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
package dev.ddbstreams.testlog;

/**
 * Prints the lines the docs quote (a fault-injection suite's totals, a measured cost) to the
 * console at once, also when the test passes: {@link FailedTestOutput} keeps every other line a
 * passing test writes out of the build's log. Outside a test run, or without the listener, it is
 * {@code System.out}.
 */
public final class Figures {
  private Figures() {}

  /**
   * Prints a line to the console.
   *
   * @param line the line, which must quote no item value
   */
  public static void print(String line) {
    FailedTestOutput.console().println(line);
  }
}
