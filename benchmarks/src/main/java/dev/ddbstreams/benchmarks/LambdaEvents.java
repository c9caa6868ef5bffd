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

import dev.ddbstreams.testkit.StreamEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Lambda DynamoDB event JSON, as the event source mapping sends it. */
public final class LambdaEvents {
  /** The stream ARN every generated event carries. */
  public static final String STREAM_ARN =
      "arn:aws:dynamodb:us-east-1:123456789012:table/PetTracker/stream/2026-11-24T00:00:00.000";

  private LambdaEvents() {}

  /**
   * Writes SDK records as the event JSON Lambda delivers (the attribute types {@link Workloads}
   * uses: S, N, BOOL, B, L, M).
   *
   * @param records the records, in stream order
   * @return the event JSON, UTF-8
   */
  public static byte[] of(List<Record> records) {
    // The testkit's writer, which a test checks against the Lambda runtime's own serializer.
    return StreamEvents.builder()
        .streamArn(STREAM_ARN)
        .build()
        .lambdaEvent(records)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The event of {@link FullBatchBenchmark} and of {@link CeilingBenchmark}'s {@code fullBatch}:
   * 1,000 PetTracker records.
   *
   * @return the event JSON, UTF-8
   */
  public static byte[] fullBatchEvent() {
    return of(Workloads.petTrackerBatch(1000, 42));
  }

  /**
   * The event of {@link LambdaDecodeBenchmark} and of {@link CeilingBenchmark}'s {@code modify10}
   * and {@code modify100}: 1,000 MODIFY records near Lambda's 6 MB limit.
   *
   * @param attributes attributes per image besides the keys and the padding
   * @return the event JSON, UTF-8
   */
  public static byte[] lambdaDecodeEvent(int attributes) {
    return modifyEvent(1000, attributes, 5800, 7);
  }

  /**
   * An event of MODIFY records with old and new images of the given number of attributes, plus a
   * text attribute that pads each record to about {@code recordBytes}.
   *
   * @param records records in the event
   * @param attributes attributes per image besides the keys and the padding
   * @param recordBytes approximate JSON size per record
   * @param seed random seed
   * @return the event JSON, UTF-8
   */
  public static byte[] modifyEvent(int records, int attributes, int recordBytes, long seed) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(records * (recordBytes + 200));
    sb.append("{\"Records\":[");
    long sequence = 400_000_000_000_000_000L;
    for (int i = 0; i < records; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String pk = "USER#u" + random.nextInt(100);
      String sk = "PET#p" + i;
      int start = sb.length();
      sb.append("{\"eventID\":\"")
          .append(Long.toHexString(random.nextLong()))
          .append("\",\"eventName\":\"MODIFY\",\"eventVersion\":\"1.1\",")
          .append("\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",")
          .append("\"dynamodb\":{\"ApproximateCreationDateTime\":1764000000.")
          .append(100 + random.nextInt(900))
          .append(",\"Keys\":{\"PK\":{\"S\":\"")
          .append(pk)
          .append("\"},\"SK\":{\"S\":\"")
          .append(sk)
          .append("\"}},");
      String padding = "x".repeat(Math.max(0, (recordBytes - 700 - attributes * 60) / 2));
      sb.append("\"NewImage\":");
      image(sb, pk, sk, attributes, padding, random);
      sb.append(",\"OldImage\":");
      image(sb, pk, sk, attributes, padding, random);
      sb.append(",\"SequenceNumber\":\"")
          .append(sequence += 1 + random.nextInt(100))
          .append("\",\"SizeBytes\":")
          .append(sb.length() - start)
          .append(",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},")
          .append(
              "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/PetTracker/stream/2026-11-24T00:00:00.000\"}");
    }
    return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void image(
      StringBuilder sb, String pk, String sk, int attributes, String padding, Random random) {
    sb.append("{\"PK\":{\"S\":\"")
        .append(pk)
        .append("\"},\"SK\":{\"S\":\"")
        .append(sk)
        .append("\"}");
    for (int a = 0; a < attributes; a++) {
      sb.append(",\"a").append(a).append("\":");
      switch (a % 5) {
        case 0 -> sb.append("{\"S\":\"value-").append(random.nextInt(100_000)).append("\"}");
        case 1 -> sb.append("{\"N\":\"").append(random.nextInt(1_000_000) / 100.0).append("\"}");
        case 2 -> sb.append("{\"BOOL\":").append(random.nextBoolean()).append('}');
        case 3 ->
            sb.append("{\"B\":\"")
                .append(Base64.getEncoder().encodeToString(new byte[] {(byte) a, 1, 2, 3}))
                .append("\"}");
        default ->
            sb.append("{\"L\":[{\"S\":\"x\"},{\"N\":\"")
                .append(random.nextInt(100))
                .append("\"}]}");
      }
    }
    if (!padding.isEmpty()) {
      sb.append(",\"notes\":{\"S\":\"").append(padding).append("\"}");
    }
    sb.append('}');
  }
}
