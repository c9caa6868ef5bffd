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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a deployed function carries: the classes this module builds into {@code ddbstreams-lambda}
 * hold no part of the local event source mapping (it lives in the testkit) and reach the testkit
 * nowhere. Reads the compiled classes of {@code src/main} (the jar's contents), or the jar itself
 * when run against it.
 */
class ProductionClassesTest {
  /** The emulator's classes, which moved to {@code dev.ddbstreams.testkit.lambda}. */
  private static final List<String> EMULATOR =
      List.of(
          "LocalEventSourceMapping",
          "StartingPosition",
          "ShardPump",
          "BatchInvoker",
          "LocalFunction",
          "LocalLambdaContext",
          "MappingSettings",
          "MappingCounters",
          "RuntimeSerialization",
          "LambdaEventWriter");

  private static Map<String, String> classes;

  @BeforeAll
  static void readProductionClasses() throws IOException, URISyntaxException {
    // target/classes under surefire, the built jar itself under failsafe.
    Path location =
        Path.of(
            DynamoDbStreamLambda.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(location.toString()).doesNotContain("test-classes");
    if (Files.isDirectory(location)) {
      classes = read(location);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        classes = read(jar.getPath("/"));
      }
    }
    assertThat(classes).containsKey("dev/ddbstreams/lambda/DynamoDbStreamJsonLambda.class");
  }

  private static Map<String, String> read(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".class"))
          .collect(
              Collectors.toMap(
                  f -> root.relativize(f).toString().replace('\\', '/'),
                  ProductionClassesTest::constantPool));
    }
  }

  @Test
  void noClassOfTheLocalEventSourceMappingIsInTheProductionClasses() {
    assertThat(classes.keySet())
        .noneMatch(
            name ->
                EMULATOR.stream()
                    .anyMatch(
                        emulator ->
                            name.endsWith("/" + emulator + ".class")
                                || name.contains("/" + emulator + "$")));
  }

  @Test
  void noProductionClassReferencesTheTestkitOrTheRuntimesSerializer() {
    assertThat(classes)
        .allSatisfy(
            (name, pool) ->
                assertThat(pool)
                    .as(name)
                    .doesNotContain("dev/ddbstreams/testkit")
                    .doesNotContain("com/amazonaws/services/lambda/runtime/serialization"));
  }

  @Test
  void onlyTheRedriveReadsStreamsItself() {
    // Reading a stream is the mapping's job; in production only the redrive reads records back.
    assertThat(classes)
        .allSatisfy(
            (name, pool) -> {
              if (!name.startsWith("dev/ddbstreams/lambda/StreamRedrive")
                  && !name.startsWith("dev/ddbstreams/lambda/RedriveCommand")) {
                assertThat(pool)
                    .as(name)
                    .doesNotContain("software/amazon/awssdk/services/dynamodb/streams");
              }
            });
  }

  /** The class file read as Latin-1: class names it references appear there verbatim. */
  private static String constantPool(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
