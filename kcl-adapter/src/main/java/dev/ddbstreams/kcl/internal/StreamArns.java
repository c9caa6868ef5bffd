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
package dev.ddbstreams.kcl.internal;

import dev.ddbstreams.kcl.KclConfigurationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Stream ARNs: checking them, their region, and a table's latest stream. */
public final class StreamArns {
  private static final Pattern STREAM_ARN =
      Pattern.compile(
          "arn:aws[-a-z]*:dynamodb:(?<region>[-a-z0-9]+):[0-9]{12}:table/[^/]+/stream/[^/]+");

  private StreamArns() {}

  /**
   * Returns whether a string is a DynamoDB stream ARN.
   *
   * @param arn the string
   * @return {@code true} if it has the form of a stream ARN
   */
  public static boolean isStreamArn(String arn) {
    return STREAM_ARN.matcher(arn).matches();
  }

  /**
   * Returns the region of a stream ARN.
   *
   * @param arn a stream ARN
   * @return its region, such as {@code eu-west-1}
   * @throws KclConfigurationException if it is not a stream ARN
   */
  public static String region(String arn) {
    Matcher m = STREAM_ARN.matcher(arn);
    if (!m.matches()) {
      throw new KclConfigurationException(List.of("not a DynamoDB stream ARN: " + arn));
    }
    return m.group("region");
  }

  /**
   * Looks up a table's latest stream.
   *
   * @param dynamo the client
   * @param table the table's name
   * @return the latest stream's ARN
   * @throws KclConfigurationException if the table has no stream or cannot be described
   */
  public static String latestStreamOf(DynamoDbAsyncClient dynamo, String table) {
    TableDescription description;
    try {
      description = dynamo.describeTable(b -> b.tableName(table)).join().table();
    } catch (CompletionException e) {
      throw new KclConfigurationException(
          List.of("tableName " + table + ": DescribeTable failed: " + e.getCause()));
    }
    String arn = description.latestStreamArn();
    if (arn == null
        || description.streamSpecification() == null
        || !Boolean.TRUE.equals(description.streamSpecification().streamEnabled())) {
      throw new KclConfigurationException(
          List.of("tableName " + table + ": the table has no enabled stream"));
    }
    return arn;
  }

  /**
   * Returns a worker ID unique to this call: the host name, a colon and a random UUID.
   *
   * @return the ID
   */
  public static String defaultWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + ":" + UUID.randomUUID();
  }
}
