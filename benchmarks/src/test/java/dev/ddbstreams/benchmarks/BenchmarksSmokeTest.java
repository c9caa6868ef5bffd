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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark for one short iteration, in-process, so `mvn verify` notices a benchmark
 * that no longer runs. It measures nothing: figures come from benchmarks/run.sh.
 */
class BenchmarksSmokeTest {
  static {
    // JMH's lock file (/tmp/jmh.lock) keeps two measurements from sharing a machine. This test
    // measures nothing, and must not fail because someone else's benchmark holds the lock.
    System.setProperty("jmh.ignoreLock", "true");
  }

  private static Collection<RunResult> runOnce(String include) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(include)
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(200))
            .timeout(TimeValue.seconds(60))
            .timeUnit(TimeUnit.SECONDS)
            .shouldFailOnError(true)
            .build();
    return new Runner(options).run();
  }

  @Test
  void dispatchBenchmarkRunsBothSides() throws RunnerException {
    Collection<RunResult> results = runOnce(DispatchBenchmark.class.getName());

    assertThat(results).hasSize(6);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void lambdaDecodeBenchmarkRunsEveryPath() throws RunnerException {
    Collection<RunResult> results = runOnce(LambdaDecodeBenchmark.class.getName());

    assertThat(results).hasSize(6);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void idempotencyBenchmarkRunsEveryStore() throws RunnerException {
    Collection<RunResult> results = runOnce(IdempotencyBenchmark.class.getName());

    assertThat(results).hasSize(3);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void typedDecodeBenchmarkRunsEverySide() throws RunnerException {
    Collection<RunResult> results = runOnce(TypedDecodeBenchmark.class.getName());

    assertThat(results).hasSize(10);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void fullBatchBenchmarkRunsEverySide() throws RunnerException {
    Collection<RunResult> results = runOnce(FullBatchBenchmark.class.getName());

    assertThat(results).hasSize(8);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void decodeStagesBenchmarkRunsEveryStage() throws RunnerException {
    Collection<RunResult> results = runOnce(DecodeStagesBenchmark.class.getName());

    assertThat(results).hasSize(12);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void ceilingBenchmarkRunsEveryEventInEveryUnit() throws RunnerException {
    Collection<RunResult> results = runOnce(CeilingBenchmark.class.getName());

    assertThat(results).hasSize(15);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void matchBenchmarkRunsEverySide() throws RunnerException {
    Collection<RunResult> results =
        runOnce(dev.ddbstreams.internal.router.MatchBenchmark.class.getName());

    assertThat(results).hasSize(3);
    results.forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
