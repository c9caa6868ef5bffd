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

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command lines of the PetTracker mains, set up alike: usage on {@code --help}, and a bad
 * argument answered with one line that names the valid values and exit code 2 ({@link
 * CommandLine.ExitCode#USAGE}), not a stack trace.
 */
final class CommandLines {
  /** Exit code for a bad argument, as picocli and most tools use. */
  static final int USAGE = CommandLine.ExitCode.USAGE;

  private CommandLines() {}

  /**
   * Wraps a picocli command object.
   *
   * @param command an object annotated with {@code @Command}
   * @param out where usage help and the command's own output go
   * @param err where a bad argument is reported
   * @return the command line; {@code execute(args)} returns the exit code
   */
  static CommandLine of(Object command, PrintStream out, PrintStream err) {
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setParameterExceptionHandler(
        (e, args) -> {
          // Picocli's default adds the whole usage text: one line is easier to read in a log.
          e.getCommandLine().getErr().println(e.getMessage());
          return USAGE;
        });
    return line;
  }

  /**
   * Reads an enum constant by its lower-case name with dashes ({@code trim-horizon} for {@code
   * TRIM_HORIZON}), in any case, and lists those names for {@code ${COMPLETION-CANDIDATES}}.
   *
   * @param <E> the enum
   */
  abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private final Class<E> type;

    Choice(Class<E> type) {
      this.type = type;
    }

    static String nameOf(Enum<?> constant) {
      return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
      String wanted = value.strip().replace('_', '-');
      for (E constant : type.getEnumConstants()) {
        if (nameOf(constant).equalsIgnoreCase(wanted)) {
          return constant;
        }
      }
      throw new TypeConversionException(
          "expected one of " + String.join(", ", this) + ", but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(type.getEnumConstants()).map(Choice::nameOf).iterator();
    }
  }

  /**
   * Reads a whole number within bounds; anything else, a word or a number out of range alike, is
   * reported with the bounds.
   */
  abstract static class WholeNumber implements ITypeConverter<Integer> {
    private final int min;
    private final int max;

    WholeNumber(int min, int max) {
      this.min = min;
      this.max = max;
    }

    @Override
    public Integer convert(String value) {
      try {
        int n = Integer.parseInt(value.strip());
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, with the bounds
      }
      throw new TypeConversionException(
          String.format(
              Locale.ROOT, "expected a whole number from %d to %d, but was '%s'", min, max, value));
    }
  }

  /** Reads any 64-bit whole number, such as a seed. */
  static final class AnyLong implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "expected a whole number from "
                + Long.MIN_VALUE
                + " to "
                + Long.MAX_VALUE
                + ", but was '"
                + value
                + "'");
      }
    }
  }
}
