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
package dev.ddbstreams;

import java.security.SecureRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs a property over seeded random cases, in plain JUnit.
 *
 * <p>Case {@code n} of a property draws its input from a {@link Gen} seeded from the run's base
 * seed, the property's name and {@code n}, so a failure is replayed by its base seed and case
 * number, which the failure message prints with the input's shape:
 *
 * <pre>{@code
 * mvn -pl core -am test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='ImageDiffProperties#anImageHasNoDiffWithItself' \
 *     -Dddbstreams.seed=-4395629483658211740 -Dddbstreams.case=17
 * }</pre>
 *
 * <p>Without {@code -Dddbstreams.seed} the base seed is new for every JVM, so every build tries new
 * cases. {@code -Dddbstreams.case} runs that one case alone. No shrinking: generators keep sizes
 * small instead.
 */
public final class SeededCases {
  public static final String SEED_PROPERTY = "ddbstreams.seed";
  public static final String CASE_PROPERTY = "ddbstreams.case";

  private static final long BASE_SEED = baseSeed();

  private SeededCases() {}

  /** A check of one case's input. */
  @FunctionalInterface
  public interface Check<T> {
    void accept(T input) throws Exception;
  }

  /**
   * Checks {@code cases} inputs; inputs that a check {@link #reject rejects} do not count, and are
   * replaced by new ones.
   *
   * @param cases how many inputs must be checked
   * @param generate draws one input
   * @param shape describes an input for the failure message
   * @param check the property: throws on failure
   * @return how many inputs were checked
   */
  public static <T> int check(
      int cases,
      Function<Gen, ? extends T> generate,
      Function<? super T, String> shape,
      Check<? super T> check) {
    String only = System.getProperty(CASE_PROPERTY);
    Integer onlyCase = only == null || only.isBlank() ? null : Integer.valueOf(only.trim());
    return check(BASE_SEED, onlyCase, callerName(), cases, generate, shape, check);
  }

  /** {@link #check(int, Function, Function, Check)} with its settings given, for tests. */
  public static <T> int check(
      long baseSeed,
      @Nullable Integer onlyCase,
      String property,
      int cases,
      Function<Gen, ? extends T> generate,
      Function<? super T, String> shape,
      Check<? super T> check) {
    Runner<T> runner = new Runner<>(baseSeed, property, cases, generate, shape, check);
    if (onlyCase != null) {
      return runner.run(onlyCase) ? 1 : 0;
    }
    int checked = 0;
    int rejected = 0;
    for (int n = 0; checked < cases; n++) {
      if (runner.run(n)) {
        checked++;
      } else if (++rejected > 10 * cases) {
        throw new AssertionError(
            property
                + ": "
                + rejected
                + " inputs rejected for "
                + checked
                + " checked; the generator misses the property's domain (base seed "
                + baseSeed
                + ")");
      }
    }
    return checked;
  }

  /**
   * Rejects the current input: it is outside the property's domain (an assumption that does not
   * hold).
   */
  public static void reject() {
    throw new Rejected();
  }

  private record Runner<T>(
      long baseSeed,
      String property,
      int cases,
      Function<Gen, ? extends T> generate,
      Function<? super T, String> shape,
      Check<? super T> check) {

    /** Runs case {@code n}: true if checked, false if rejected; throws if it fails. */
    boolean run(int n) {
      T input = generate.apply(new Gen(caseSeed(baseSeed, property, n)));
      try {
        check.accept(input);
        return true;
      } catch (Rejected e) {
        return false;
      } catch (Exception | AssertionError e) {
        throw new AssertionError(
            property
                + " failed on case "
                + n
                + " of "
                + cases
                + ".\nReplay it alone with -D"
                + SEED_PROPERTY
                + "="
                + baseSeed
                + " -D"
                + CASE_PROPERTY
                + "="
                + n
                + "\nInput: "
                + describe(input)
                + "\nCause: "
                + e,
            e);
      }
    }

    private String describe(T input) {
      try {
        return shape.apply(input);
      } catch (RuntimeException e) {
        return "(cannot describe: " + e + ")";
      }
    }
  }

  /** SplitMix64's finaliser over the base seed, the property and the case number. */
  public static long caseSeed(long base, String property, int n) {
    long z = base + 0x9E3779B97F4A7C15L * (n + 1L) + property.hashCode() * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long baseSeed() {
    String configured = System.getProperty(SEED_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Long.parseLong(configured.trim());
    }
    return new SecureRandom().nextLong();
  }

  private static String callerName() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !f.getClassName().equals(SeededCases.class.getName()))
                    .findFirst()
                    .map(f -> simpleName(f.getClassName()) + "#" + f.getMethodName())
                    .orElse("property"));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected() {
      super(null, null, false, false);
    }
  }
}
