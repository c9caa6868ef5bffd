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
package dev.ddbstreams.chaos;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the log of one schedule (SLF4J simple writes to {@code System.err}) in memory instead of
 * the build's output, where thousands of injected failures would bury everything else; a failing
 * schedule prints the tail. Not for concurrent use across schedules.
 */
public final class CapturedLog implements AutoCloseable {
  private static final int KEEP = 64 * 1024;

  private final PrintStream saved = System.err;
  private final Tail tail = new Tail();

  private CapturedLog() {
    System.setErr(new PrintStream(tail, true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing {@code System.err}.
   *
   * @return the capture; close it to restore {@code System.err}
   */
  public static CapturedLog start() {
    return new CapturedLog();
  }

  /**
   * Returns the last lines written.
   *
   * @return about the last 64 KB of the log
   */
  public String tail() {
    return tail.text();
  }

  @Override
  public void close() {
    System.setErr(saved);
  }

  /** The last bytes written, at most twice {@link #KEEP} before trimming to it. */
  private static final class Tail extends OutputStream {
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();

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
        buffer = new ByteArrayOutputStream();
        buffer.write(all, all.length - KEEP, KEEP);
      }
    }

    synchronized String text() {
      return buffer.toString(StandardCharsets.UTF_8);
    }
  }
}
