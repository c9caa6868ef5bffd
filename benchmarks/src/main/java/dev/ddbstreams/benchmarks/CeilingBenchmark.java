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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling of event decoding on this machine: Jackson's streaming parser walking every token of
 * the Lambda event and building nothing. No decoder that reads the event through Jackson can be
 * faster, so every decoding figure can be given as a fraction of it.
 *
 * <p>The events are the ones the other benchmarks decode, from the same methods of {@link
 * LambdaEvents}: {@code fullBatch} is {@link FullBatchBenchmark}'s 1,000-record PetTracker event,
 * {@code modify10} and {@code modify100} are {@link LambdaDecodeBenchmark}'s 1,000-record MODIFY
 * events with {@code attributes} = 10 and 100, and {@code typed10} and {@code typed100} are the
 * records of {@link TypedDecodeBenchmark}'s events ({@code Workloads.modifyBatch} with the same
 * seed), 1,000 of them instead of its 100 so that every event here counts the same records. The
 * parser reads from an {@code InputStream} over the bytes, as the library's streaming handler does,
 * with a default {@code JsonFactory}, as its decoder has.
 *
 * <p>Units match the benchmark compared with: {@code tokens} and {@code tokensAndText} in records
 * per second, as {@link FullBatchBenchmark} reports; {@code tokensPerEvent} in milliseconds per
 * event, as {@link LambdaDecodeBenchmark} reports. A fraction of the ceiling is then {@code ceiling
 * ms / decoder ms}, or {@code decoder records/s / ceiling records/s}.
 *
 * <p>{@code tokens} is the bare scan: Jackson finds where each string ends but decodes none. {@code
 * tokensAndText} also reads every name's and string's characters from the parser's buffer (no
 * {@code String} is made), the least a decoder that looks at values must do.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CeilingBenchmark {
  static final int RECORDS = 1000;
  private static final JsonFactory JSON = new JsonFactory();

  /** Which event: see the class comment. */
  @Param({"fullBatch", "modify10", "modify100", "typed10", "typed100"})
  public String event;

  private byte[] bytes;

  @Setup
  public void setUp() {
    bytes = events(event);
  }

  /** The event of a name of {@link #event}: the very bytes of the benchmark it stands for. */
  static byte[] events(String name) {
    return switch (name) {
      case "fullBatch" -> LambdaEvents.fullBatchEvent();
      case "modify10" -> LambdaEvents.lambdaDecodeEvent(10);
      case "modify100" -> LambdaEvents.lambdaDecodeEvent(100);
      case "typed10" -> LambdaEvents.of(Workloads.modifyBatch(RECORDS, 10, 5));
      case "typed100" -> LambdaEvents.of(Workloads.modifyBatch(RECORDS, 100, 5));
      default -> throw new IllegalArgumentException("no event named " + name);
    };
  }

  /** Every token, nothing decoded: a checksum of the token kinds, so no token can be skipped. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RECORDS)
  public long tokens() throws IOException {
    return scan(bytes);
  }

  /** {@link #tokens()} in milliseconds per event, the unit of {@link LambdaDecodeBenchmark}. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long tokensPerEvent() throws IOException {
    return scan(bytes);
  }

  /** Every token, and the characters of every field name and string value. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RECORDS)
  public long tokensAndText() throws IOException {
    return scanWithText(bytes);
  }

  static long scan(byte[] json) throws IOException {
    long sum = 0;
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(json))) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        sum = sum * 31 + token.ordinal();
      }
    }
    return sum;
  }

  static long scanWithText(byte[] json) throws IOException {
    long sum = 0;
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(json))) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        sum = sum * 31 + token.ordinal();
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
          char[] text = parser.getTextCharacters();
          int end = parser.getTextOffset() + parser.getTextLength();
          for (int i = parser.getTextOffset(); i < end; i++) {
            sum += text[i];
          }
        }
      }
    }
    return sum;
  }
}
