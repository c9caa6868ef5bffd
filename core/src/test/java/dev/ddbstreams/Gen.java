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

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A seeded source of random test data: one per case of a property (see {@link SeededCases}), so
 * that a case's seed alone reproduces its input.
 *
 * <p>Sizes are drawn uniformly between their bounds, and bounds are inclusive. Not thread-safe:
 * draw on the test thread.
 *
 * <p>Core and the Lambda adapter each keep a copy in their test tree (no test-jar between modules);
 * keep the copies alike.
 */
public final class Gen {
  private static final String DIGITS = "0123456789";
  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final SplittableRandom random;

  public Gen(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A number from {@code min} to {@code max}, both included. */
  public int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** A number from {@code min} to {@code max}, both included. */
  public long between(long min, long max) {
    return max == Long.MAX_VALUE
        ? random.nextLong(min - 1, max) + 1
        : random.nextLong(min, max + 1);
  }

  /** Any {@code long}, small and extreme ones included. */
  public long anyLong() {
    return switch (random.nextInt(8)) {
      case 0 -> oneOf(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
      case 1 -> between(-1000L, 1000L);
      default -> random.nextLong();
    };
  }

  public boolean bool() {
    return random.nextBoolean();
  }

  /** True with the given probability. */
  public boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  @SafeVarargs
  public final <T> T oneOf(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  public <T> T oneOf(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Picks one of the suppliers and draws from it. */
  @SafeVarargs
  public final <T> T draw(Supplier<? extends T>... choices) {
    return choices[random.nextInt(choices.length)].get();
  }

  /** A weighted choice: {@code weighted(3, a, 1, b)} draws from {@code a} three times as often. */
  public <T> T weighted(
      int weightA, Supplier<? extends T> a, int weightB, Supplier<? extends T> b) {
    return random.nextInt(weightA + weightB) < weightA ? a.get() : b.get();
  }

  /** A weighted choice among suppliers: {@code weights[i]} for {@code choices.get(i)}. */
  public <T> T weighted(int[] weights, List<? extends Supplier<? extends T>> choices) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int pick = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      pick -= weights[i];
      if (pick < 0) {
        return choices.get(i).get();
      }
    }
    throw new AssertionError("unreachable");
  }

  /** The supplier's value, or {@code null} with the given probability. */
  public <T> @Nullable T orNull(double probability, Supplier<? extends T> value) {
    return chance(probability) ? null : value.get();
  }

  public <T> List<T> list(int min, int max, Supplier<? extends T> element) {
    int size = between(min, max);
    List<T> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(element.get());
    }
    return out;
  }

  /** A list of distinct elements, in drawing order. */
  public <T> List<T> uniqueList(int min, int max, Supplier<? extends T> element) {
    return uniqueList(min, max, element, Function.identity());
  }

  /**
   * A list of elements distinct by {@code key}, in drawing order. Stops short of {@code max} if the
   * generator keeps repeating itself, but never below {@code min}.
   */
  public <T> List<T> uniqueList(
      int min, int max, Supplier<? extends T> element, Function<? super T, ?> key) {
    int size = between(min, max);
    Set<Object> seen = new HashSet<>();
    List<T> out = new ArrayList<>(size);
    int attempts = 0;
    while (out.size() < size) {
      T candidate = element.get();
      if (seen.add(key.apply(candidate))) {
        out.add(candidate);
      } else if (++attempts > 100 + 10 * size) {
        if (out.size() >= min) {
          break;
        }
        throw new IllegalStateException(
            "generator cannot produce " + min + " distinct elements; has " + out.size());
      }
    }
    return out;
  }

  /** A set of distinct elements, in drawing order. */
  public <T> Set<T> set(int min, int max, Supplier<? extends T> element) {
    return new LinkedHashSet<>(uniqueList(min, max, element));
  }

  /** A shuffled copy. */
  public <T> List<T> shuffle(List<T> items) {
    List<T> out = new ArrayList<>(items);
    Collections.shuffle(out, random());
    return out;
  }

  /** A {@link Random} seeded from this generator, for code that wants one. */
  public Random random() {
    return new Random(random.nextLong());
  }

  public byte[] bytes(int maxLength) {
    byte[] out = new byte[between(0, maxLength)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  /** Bytes each from {@code min} to {@code max}. */
  public byte[] bytes(int maxLength, byte min, byte max) {
    byte[] out = new byte[between(0, maxLength)];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) between(min, max);
    }
    return out;
  }

  /**
   * Any text of up to {@code maxLength} chars: mostly ASCII, but also controls, other scripts,
   * surrogate pairs and lone surrogates, as a {@code String} can hold them.
   */
  public String anyString(int maxLength) {
    int length = between(0, maxLength);
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      switch (random.nextInt(10)) {
        case 0 -> s.append((char) between(0, 0x1f));
        case 1 -> s.append((char) between(0x80, 0xd7ff));
        case 2 -> s.append((char) between(0xe000, 0xffff));
        case 3 -> {
          if (s.length() + 2 <= length) {
            s.appendCodePoint(between(0x10000, Character.MAX_CODE_POINT));
          } else {
            s.append((char) between(0xd800, 0xdfff)); // a lone surrogate
          }
        }
        default -> s.append((char) between(0x20, 0x7e));
      }
    }
    return s.toString();
  }

  /** Text of {@code min} to {@code max} chars, each from {@code alphabet}. */
  public String string(String alphabet, int min, int max) {
    int length = between(min, max);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  /** Text of {@code min} to {@code max} chars, each from {@code from} to {@code to}. */
  public String string(char from, char to, int min, int max) {
    int length = between(min, max);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) between(from, to));
    }
    return s.toString();
  }

  /** ASCII digits. */
  public String digits(int min, int max) {
    return string(DIGITS, min, max);
  }

  /** ASCII letters. */
  public String letters(int min, int max) {
    return string(ALPHA, min, max);
  }

  /** ASCII letters and digits. */
  public String alphanumeric(int min, int max) {
    return string(ALPHA + DIGITS, min, max);
  }
}
