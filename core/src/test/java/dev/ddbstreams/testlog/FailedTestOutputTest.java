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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;

class FailedTestOutputTest {
  private final EngineDescriptor engine = new EngineDescriptor(UniqueId.forEngine("e"), "engine");
  private final Node container = node(engine, "container", TestDescriptor.Type.CONTAINER);
  private final FailedTestOutput listener = new FailedTestOutput();

  @Test
  void dropsTheOutputOfPassingTestsAndPrintsTheOutputOfFailingOnesWithTheirContainers() {
    Node passing = node(container, "passing", TestDescriptor.Type.TEST);
    Node failing = node(container, "failing", TestDescriptor.Type.TEST);

    String console =
        console(
            () -> {
              listener.executionStarted(id(container));
              System.err.println("set-up of the container");
              listener.executionStarted(id(passing));
              System.err.println("expected stack trace");
              System.out.println("chatter on stdout");
              listener.executionFinished(id(passing), TestExecutionResult.successful());
              listener.executionStarted(id(failing));
              System.err.println("why it failed");
              listener.executionFinished(
                  id(failing), TestExecutionResult.failed(new AssertionError("boom")));
              listener.executionFinished(id(container), TestExecutionResult.successful());
            });

    assertThat(console)
        .contains(
            "set-up of the container", "---- output of failing (failed) ----", "why it failed")
        .doesNotContain("expected stack trace", "chatter on stdout");
    assertThat(console.indexOf("why it failed"))
        .isGreaterThan(console.indexOf("---- output of failing"));
  }

  @Test
  void printsNothingWhenEverythingPasses() {
    Node passing = node(container, "passing", TestDescriptor.Type.TEST);

    String console =
        console(
            () -> {
              listener.executionStarted(id(container));
              listener.executionStarted(id(passing));
              System.err.println("expected stack trace");
              listener.executionFinished(id(passing), TestExecutionResult.successful());
              listener.executionFinished(id(container), TestExecutionResult.successful());
            });

    assertThat(console).isEmpty();
  }

  @Test
  void printsTheFiguresOfAPassingTestAtOnce() {
    Node passing = node(container, "passing", TestDescriptor.Type.TEST);

    String console =
        console(
            () -> {
              listener.executionStarted(id(container));
              listener.executionStarted(id(passing));
              System.out.println("chatter on stdout");
              Figures.print("chaos-suite: lost=0");
              listener.executionFinished(id(passing), TestExecutionResult.successful());
              listener.executionFinished(id(container), TestExecutionResult.successful());
            });

    assertThat(console).isEqualTo("chaos-suite: lost=0\n");
  }

  @Test
  void keepsTheEndOfAnOutputLongerThanItsBound() {
    Node failing = node(container, "failing", TestDescriptor.Type.TEST);
    String line = "x".repeat(1023) + "\n";

    String console =
        console(
            () -> {
              listener.executionStarted(id(container));
              listener.executionStarted(id(failing));
              for (int i = 0; i < 3 * FailedTestOutput.KEEP / line.length(); i++) {
                System.err.print(line);
              }
              System.err.println("the last line");
              listener.executionFinished(
                  id(failing), TestExecutionResult.failed(new AssertionError("boom")));
              listener.executionFinished(id(container), TestExecutionResult.successful());
            });

    assertThat(console).contains("earlier bytes dropped]").endsWith("the last line\n");
    assertThat(console.length()).isLessThan(3 * FailedTestOutput.KEEP);
  }

  /** Runs the steps with {@code System.out} and {@code System.err} captured; returns both. */
  private static String console(Runnable steps) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream into = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    System.setOut(into);
    System.setErr(into);
    try {
      steps.run();
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static TestIdentifier id(TestDescriptor descriptor) {
    return TestIdentifier.from(descriptor);
  }

  private static Node node(TestDescriptor parent, String name, TestDescriptor.Type type) {
    Node node = new Node(parent.getUniqueId().append("node", name), name, type);
    parent.addChild(node);
    return node;
  }

  /** A test or container of the given type. */
  private static final class Node extends AbstractTestDescriptor {
    private final Type type;

    Node(UniqueId id, String name, Type type) {
      super(id, name);
      this.type = type;
    }

    @Override
    public Type getType() {
      return type;
    }
  }
}
