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

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Keeps what a test class or test writes to {@code System.out} and {@code System.err} (SLF4J simple
 * logs to {@code System.err}) in memory, and prints it only if the test fails. Tests that fail on
 * purpose inside the library (a handler that throws, a malformed record) log warnings with stack
 * traces; printed, they made the build's log ten megabytes, in which a real failure was hard to
 * find. A failing test's output still reaches the console, after Surefire's own report of the
 * failure, under a header naming the test.
 *
 * <p>Registered for every test run of a module that has core's test-jar on its class path, through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}. Tests run one at a
 * time in each JVM (no JUnit parallel execution here): the standard streams are global.
 */
public final class FailedTestOutput implements TestExecutionListener {
  /** The tail kept per test or container; a longer output keeps its end, where a failure is. */
  static final int KEEP = 256 * 1024;

  /** The console while a capture is on: where {@link Figures} print. */
  private static volatile @Nullable PrintStream console;

  private final Deque<Capture> captures = new ArrayDeque<>();

  /** The console: the stream that was {@code System.out} before the outermost capture began. */
  static PrintStream console() {
    PrintStream c = console;
    return c != null ? c : System.out;
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (test.getParentIdObject().isEmpty()) {
      return; // the engine: output between test classes goes straight through
    }
    if (captures.isEmpty()) {
      console = System.out;
    }
    captures.push(new Capture(test));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (test.getParentIdObject().isEmpty() || captures.isEmpty()) {
      return;
    }
    Capture capture = captures.pop();
    capture.restore();
    if (captures.isEmpty()) {
      console = null;
    }
    boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
    if (failed || capture.holdsFailure) {
      capture.replay(failed);
      if (!captures.isEmpty()) {
        captures.peek().holdsFailure = true;
      }
    }
  }

  /** The streams replaced for one test or container, and what it wrote. */
  private static final class Capture {
    private final TestIdentifier test;
    private final PrintStream savedOut = System.out;
    private final PrintStream savedErr = System.err;
    private final Tail tail = new Tail();
    private boolean holdsFailure;

    Capture(TestIdentifier test) {
      this.test = test;
      PrintStream into = new PrintStream(tail, true, StandardCharsets.UTF_8);
      System.setOut(into);
      System.setErr(into);
    }

    void restore() {
      System.out.flush();
      System.err.flush();
      System.setOut(savedOut);
      System.setErr(savedErr);
    }

    /** Writes the output to the enclosing capture, or to the console at the top. */
    void replay(boolean failed) {
      byte[] text = tail.bytes();
      if (text.length == 0) {
        return;
      }
      if (failed) {
        savedErr.println("---- output of " + test.getDisplayName() + " (failed) ----");
      }
      if (tail.dropped > 0) {
        savedErr.println("[" + tail.dropped + " earlier bytes dropped]");
      }
      savedErr.write(text, 0, text.length);
      savedErr.flush();
    }
  }

  /** The last {@link #KEEP} bytes written, trimmed when twice that is reached. */
  private static final class Tail extends OutputStream {
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long dropped;

    @Override
    public synchronized void write(int b) {
      buffer.write(b);
      trim();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
      trim();
    }

    private void trim() {
      if (buffer.size() > 2 * KEEP) {
        byte[] all = buffer.toByteArray();
        ByteArrayOutputStream kept = new ByteArrayOutputStream(2 * KEEP);
        kept.write(all, all.length - KEEP, KEEP);
        dropped += all.length - KEEP;
        buffer = kept;
      }
    }

    synchronized byte[] bytes() {
      return buffer.toByteArray();
    }
  }
}
