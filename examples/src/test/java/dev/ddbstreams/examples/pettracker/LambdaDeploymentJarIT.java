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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar that {@code mvn package} builds for the SAM template, loaded alone (JDK
 * classes only, as in the Lambda runtime) and invoked with a Lambda event.
 */
class LambdaDeploymentJarIT {
  private static final Path JAR = Path.of("target", "ddbstreams-examples-lambda.jar");

  private static final String EVENT =
      """
      {"Records":[{"eventID":"1","eventName":"REMOVE","eventVersion":"1.1",
        "eventSource":"aws:dynamodb","awsRegion":"eu-west-1",
        "dynamodb":{"ApproximateCreationDateTime":1764000000.5,
          "Keys":{"PK":{"S":"USER#u1"},"SK":{"S":"PET#p1"}},
          "OldImage":{"PK":{"S":"USER#u1"},"SK":{"S":"PET#p1"},"userId":{"S":"u1"},
            "petId":{"S":"p1"},"name":{"S":"Rex"},"species":{"S":"dog"},"weightKg":{"N":"12"}},
          "SequenceNumber":"111","SizeBytes":120,"StreamViewType":"NEW_AND_OLD_IMAGES"},
        "eventSourceARN":"arn:aws:dynamodb:eu-west-1:123456789012:table/PetTracker/stream/x"}]}
      """;

  @Test
  void leavesOutTheEmulatorTheTestkitAndKcl() throws Exception {
    assertThat(JAR).exists();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.getEntry("dev/ddbstreams/examples/pettracker/PetTrackerLambda.class"))
          .isNotNull();
      assertThat(jar.getEntry("dev/ddbstreams/lambda/DynamoDbStreamJsonLambda.class")).isNotNull();
      assertThat(jar.stream().map(e -> e.getName()))
          .noneMatch(n -> n.startsWith("dev/ddbstreams/testkit/"))
          .noneMatch(n -> n.startsWith("dev/ddbstreams/emulator/"))
          .noneMatch(n -> n.startsWith("software/amazon/kinesis/"))
          .noneMatch(n -> n.startsWith("io/netty/"))
          .noneMatch(n -> n.startsWith("io/micrometer/"))
          .noneMatch(n -> n.startsWith("picocli/"))
          .noneMatch(n -> n.startsWith("org/apache/lucene/"))
          .noneMatch(n -> n.startsWith("org/junit/"))
          // jsr305 is excluded by ddbstreams-core: annotations nothing loads at run time.
          // (Joda-Time
          // stays: the runtime's event serializer does not initialize without it.)
          .noneMatch(n -> n.startsWith("javax/annotation/"));
    }
    assertThat(Files.size(JAR)).isLessThan(30L * 1024 * 1024);
  }

  @Test
  void handlesAnEventWithNothingButTheJarOnTheClassPath() throws Exception {
    System.setProperty("aws.region", "eu-west-1");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> handlerType =
          Class.forName(
              "dev.ddbstreams.examples.pettracker.PetTrackerLambdaForTests", true, loader);
      Object handler = handlerType.getConstructor().newInstance();
      Method handle =
          handlerType.getMethod(
              "handleRequest",
              InputStream.class,
              OutputStream.class,
              loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      handle.invoke(
          handler, new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);

      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }
  }

  /**
   * The test event touches no AWS service, so this builds the clients the deployed function builds
   * (idempotency table, SNS topic): the SDK finds its HTTP client, endpoint rules and interceptors
   * through service files and class names, which a jar can lack while every class compiles.
   */
  @Test
  void buildsTheFunctionsSdkClientsWithNothingButTheJarOnTheClassPath() throws Exception {
    System.setProperty("aws.region", "eu-west-1");
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(loader);
      for (String client :
          new String[] {
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.sns.SnsClient"
          }) {
        try (AutoCloseable built =
            (AutoCloseable) Class.forName(client, true, loader).getMethod("create").invoke(null)) {
          assertThat(built.getClass().getClassLoader()).as(client).isSameAs(loader);
        }
      }
    } finally {
      thread.setContextClassLoader(saved);
    }
  }
}
