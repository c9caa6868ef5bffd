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

import java.util.ArrayList;
import java.util.List;

/**
 * How many schedules a suite runs and with which seeds, from system properties:
 *
 * <ul>
 *   <li>{@code ddbstreams.chaos.seed}: run only the schedule of this seed (the one a failure
 *       printed);
 *   <li>{@code ddbstreams.chaos.scale}: run this many times the suite's default number of schedules
 *       ({@code -Pchaos} sets it);
 *   <li>{@code ddbstreams.chaos.baseSeed}: derive the schedules' seeds from this; the POM fixes it
 *       for every build, {@code -Pchaos} blanks it so that the seeds come from the clock.
 * </ul>
 */
public final class ChaosSettings {
  private ChaosSettings() {}

  /**
   * Returns the seeds of the schedules to run.
   *
   * @param defaultCount the suite's number of schedules in a normal build
   * @return the seeds
   */
  public static List<Long> seeds(int defaultCount) {
    String one = System.getProperty("ddbstreams.chaos.seed");
    if (one != null && !one.isBlank()) {
      return List.of(Long.parseLong(one.trim()));
    }
    int scale = Integer.getInteger("ddbstreams.chaos.scale", 1);
    long base = baseSeed();
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < defaultCount * Math.max(1, scale); i++) {
      seeds.add(mix(base + i));
    }
    return seeds;
  }

  /**
   * The base of the seeds: the build's fixed one (the POM sets it for every build, so a red build
   * replays as it failed), or the clock's when it is unset or blank ({@code -Pchaos}).
   */
  static long baseSeed() {
    String base = System.getProperty("ddbstreams.chaos.baseSeed");
    return base == null || base.isBlank() ? System.nanoTime() : Long.parseLong(base.trim());
  }

  /**
   * Returns the replay instructions for a seed.
   *
   * @param module the Maven module
   * @param test the test class
   * @param seed the seed
   * @param failsafe whether the test is an integration test
   * @return a command line
   */
  public static String replay(String module, String test, long seed, boolean failsafe) {
    String modules = "core".equals(module) ? "core" : "core,testkit," + module;
    return failsafe
        ? "mvn -B -o -pl "
            + modules
            + " -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test="
            + test
            + " -Dddbstreams.chaos.seed="
            + seed
        : "mvn -B -o -pl "
            + modules
            + " -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest="
            + test
            + " -Dddbstreams.chaos.seed="
            + seed;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
