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
package dev.ddbstreams.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table with a stream, created by {@link #builder()}: its name, keys, view type and stream ARN.
 *
 * <pre>{@code
 * StreamTable table = StreamTable.builder()            // unique name, PK and SK strings
 *     .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
 *     .ttlAttribute("expiresAt")
 *     .create(DynamoDbEmulator.shared().client());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class StreamTable {

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final Pattern NAME_PREFIX = Pattern.compile("[a-zA-Z0-9_.-]{1,200}");
  private static final AtomicLong COUNTER = new AtomicLong();

  private final String name;
  private final String streamArn;
  private final StreamViewType viewType;
  private final KeyAttribute partitionKey;
  private final @Nullable KeyAttribute sortKey;
  private final @Nullable String ttlAttribute;

  private StreamTable(Builder builder, String streamArn) {
    this.name = builder.name;
    this.streamArn = streamArn;
    this.viewType = builder.viewType;
    this.partitionKey = builder.partitionKey;
    this.sortKey = builder.sortKey;
    this.ttlAttribute = builder.ttlAttribute;
  }

  /**
   * Starts a table definition with a unique name, string keys {@code PK} and {@code SK}, view type
   * {@code NEW_AND_OLD_IMAGES} and no TTL.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a table name that no other call in this JVM returns: the prefix, a counter and a random
   * part, for example {@code pets-7-3f9a1c2b}.
   *
   * @param prefix 1 to 200 letters, digits, {@code _ . -}
   * @return a valid, unique table name
   * @throws IllegalArgumentException if the prefix is empty, too long or has other characters
   */
  public static String uniqueName(String prefix) {
    if (!NAME_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "Table name prefix '" + prefix + "' must be 1 to 200 of a-z A-Z 0-9 _ . -");
    }
    String random = UUID.randomUUID().toString().substring(0, 8);
    return prefix + "-" + COUNTER.incrementAndGet() + "-" + random;
  }

  /**
   * Returns the table's name.
   *
   * @return the table name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the ARN of the table's stream ({@code
   * arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}).
   *
   * @return the stream ARN
   */
  public String streamArn() {
    return streamArn;
  }

  /**
   * Returns what the stream's records carry.
   *
   * @return the stream view type
   */
  public StreamViewType viewType() {
    return viewType;
  }

  /**
   * Returns the partition key attribute.
   *
   * @return the partition key's name and type
   */
  public KeyAttribute partitionKey() {
    return partitionKey;
  }

  /**
   * Returns the sort key attribute, if the table has one.
   *
   * @return the sort key's name and type, or empty
   */
  public Optional<KeyAttribute> sortKey() {
    return Optional.ofNullable(sortKey);
  }

  /**
   * Returns the TTL attribute, if TTL was enabled.
   *
   * @return the TTL attribute name, or empty
   */
  public Optional<String> ttlAttribute() {
    return Optional.ofNullable(ttlAttribute);
  }

  /**
   * Returns a new reader of this table's stream.
   *
   * @param streams a streams client of the emulator that holds this table
   * @return a reader positioned at the start of the stream
   */
  public StreamReader reader(DynamoDbStreamsClient streams) {
    return StreamReader.of(streams, streamArn);
  }

  @Override
  public String toString() {
    return "StreamTable[" + name + ", " + viewType + ", " + streamArn + "]";
  }

  /**
   * The name and scalar type of a key attribute.
   *
   * @param name the attribute name
   * @param type {@code S}, {@code N} or {@code B}
   */
  public record KeyAttribute(String name, ScalarAttributeType type) {}

  /** Settings of a table to create. Not thread-safe; {@link #create} may be called once. */
  public static final class Builder {
    private String name = uniqueName("table");
    private KeyAttribute partitionKey = new KeyAttribute("PK", ScalarAttributeType.S);
    private @Nullable KeyAttribute sortKey = new KeyAttribute("SK", ScalarAttributeType.S);
    private StreamViewType viewType = StreamViewType.NEW_AND_OLD_IMAGES;
    private @Nullable String ttlAttribute;

    private Builder() {}

    /**
     * Sets the table name; the default is {@code uniqueName("table")}.
     *
     * @param name 3 to 255 of a-z A-Z 0-9 _ . -
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the partition key; the default is {@code PK} of type {@code S}.
     *
     * @param name the attribute name
     * @param type {@code S}, {@code N} or {@code B}
     * @return this builder
     */
    public Builder partitionKey(String name, ScalarAttributeType type) {
      this.partitionKey = new KeyAttribute(name, type);
      return this;
    }

    /**
     * Sets the sort key; the default is {@code SK} of type {@code S}.
     *
     * @param name the attribute name
     * @param type {@code S}, {@code N} or {@code B}
     * @return this builder
     */
    public Builder sortKey(String name, ScalarAttributeType type) {
      this.sortKey = new KeyAttribute(name, type);
      return this;
    }

    /**
     * Makes a table with a partition key only.
     *
     * @return this builder
     */
    public Builder withoutSortKey() {
      this.sortKey = null;
      return this;
    }

    /**
     * Sets what the stream records carry; the default is {@code NEW_AND_OLD_IMAGES}.
     *
     * @param viewType one of the four view types
     * @return this builder
     */
    public Builder viewType(StreamViewType viewType) {
      this.viewType = Objects.requireNonNull(viewType, "viewType");
      return this;
    }

    /**
     * Enables TTL on the given attribute right after creating the table (UpdateTimeToLive).
     *
     * @param attributeName the attribute holding the expiry time in epoch seconds
     * @return this builder
     */
    public Builder ttlAttribute(String attributeName) {
      this.ttlAttribute = Objects.requireNonNull(attributeName, "attributeName");
      return this;
    }

    /**
     * Validates the settings, creates the table (on-demand billing, stream enabled), enables TTL if
     * asked, and returns once the table is usable.
     *
     * @param client the client of the DynamoDB instance to create the table in
     * @return the created table
     * @throws IllegalArgumentException listing every invalid setting, before any request is sent
     */
    public StreamTable create(DynamoDbClient client) {
      validate();
      String streamArn =
          TableCreation.create(client, name, partitionKey, sortKey, viewType, ttlAttribute);
      return new StreamTable(this, streamArn);
    }

    private void validate() {
      List<String> problems = new ArrayList<>();
      if (!TABLE_NAME.matcher(name).matches()) {
        problems.add("table name '" + name + "' must be 3 to 255 of a-z A-Z 0-9 _ . -");
      }
      checkKey("partition key", partitionKey, problems);
      if (sortKey != null) {
        checkKey("sort key", sortKey, problems);
        if (sortKey.name().equals(partitionKey.name())) {
          problems.add("partition and sort key are both named '" + sortKey.name() + "'");
        }
      }
      if (viewType == StreamViewType.UNKNOWN_TO_SDK_VERSION) {
        problems.add("view type must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
      }
      if (ttlAttribute != null && ttlAttribute.isEmpty()) {
        problems.add("TTL attribute name is empty");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid table " + name + ": " + String.join("; ", problems));
      }
    }

    private static void checkKey(String role, KeyAttribute key, List<String> problems) {
      if (key.name().isEmpty()) {
        problems.add(role + " name is empty");
      }
      if (key.type() == ScalarAttributeType.UNKNOWN_TO_SDK_VERSION) {
        problems.add(role + " '" + key.name() + "' must be of type S, N or B");
      }
    }
  }
}
