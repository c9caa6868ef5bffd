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
package dev.ddbstreams.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start of the ddbstreams function: build the router, handle one event through {@link
 * dev.ddbstreams.lambda.DynamoDbStreamJsonLambda}, write the response to stdout. Run by {@code
 * benchmarks/cold-start.sh}.
 */
public final class ColdStartLibrary {
  private ColdStartLibrary() {}

  /**
   * Runs once.
   *
   * @param args the event JSON file
   * @throws IOException if the event cannot be read
   */
  public static void main(String[] args) throws IOException {
    byte[] event = Files.readAllBytes(Path.of(args[0]));
    LibraryLambda function = LibraryLambda.pets(new PetWork());
    function.handleRequest(new ByteArrayInputStream(event), System.out, null);
    System.out.flush();
    ColdStartClock.responseWritten("library");
  }
}
