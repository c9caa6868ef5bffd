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

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ddbstreams.Images;
import dev.ddbstreams.ViewType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Builds stream records and Lambda events from typed items, without a database: for unit tests of
 * handlers and routers. Records look as DynamoDB writes them: keys taken from the item, images as
 * the view type allows, increasing sequence numbers, and TTL deletes as REMOVE records with the
 * {@code Service} identity.
 *
 * <pre>{@code
 * StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
 * List<Record> batch = List.of(events.insert(pet), events.modify(pet, heavierPet), events.ttlExpire(pet));
 * BatchResult result = router.process(batch);
 * String lambdaJson = events.lambdaEvent(batch);
 * }</pre>
 *
 * <p>Items may be {@code Map<String, AttributeValue>} images, maps of plain values (see {@link
 * Images#fromMap}), {@code @DynamoDbBean} or {@code @DynamoDbImmutable} classes, or any class or
 * record Jackson can read (collections become lists; use a plain map for sets). Thread-safe.
 */
public final class StreamEvents {
  private static final ObjectMapper ITEMS =
      JsonMapper.builder()
          .visibility(PropertyAccessor.FIELD, Visibility.ANY)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final String partitionKey;
  private final @Nullable String sortKey;
  private final ViewType viewType;
  private final String streamArn;
  private final String region;
  private final Clock clock;
  private final AtomicReference<BigInteger> sequence =
      new AtomicReference<>(new BigInteger("100000000000000000000"));
  private final AtomicLong events = new AtomicLong();

  private StreamEvents(Builder b) {
    this.partitionKey = b.partitionKey;
    this.sortKey = b.sortKey;
    this.viewType = b.viewType;
    this.streamArn = b.streamArn;
    this.region = b.region;
    this.clock = b.clock;
  }

  /**
   * Starts a builder: keys {@code PK}/{@code SK}, {@code NEW_AND_OLD_IMAGES}, region {@code
   * us-east-1}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An INSERT of the item.
   *
   * @param item the new item
   * @return the record
   */
  public Record insert(Object item) {
    return record("INSERT", null, image(item), false);
  }

  /**
   * A MODIFY from one version of an item to another; both must have the same keys.
   *
   * @param oldItem the item before
   * @param newItem the item after
   * @return the record
   */
  public Record modify(Object oldItem, Object newItem) {
    return record("MODIFY", image(oldItem), image(newItem), false);
  }

  /**
   * A REMOVE of the item by a user.
   *
   * @param item the deleted item
   * @return the record
   */
  public Record remove(Object item) {
    return record("REMOVE", image(item), null, false);
  }

  /**
   * A REMOVE of the item by Time to Live, with the {@code Service} identity AWS sends.
   *
   * @param item the expired item
   * @return the record
   */
  public Record ttlExpire(Object item) {
    return record("REMOVE", image(item), null, true);
  }

  /**
   * Converts an item to the image DynamoDB would store.
   *
   * @param item the item
   * @return its attributes
   */
  @SuppressWarnings("unchecked")
  public static Map<String, AttributeValue> image(Object item) {
    if (item instanceof Map<?, ?> map
        && (map.isEmpty() || map.values().iterator().next() instanceof AttributeValue)) {
      return Map.copyOf((Map<String, AttributeValue>) map);
    }
    if (item instanceof Map<?, ?> map) {
      return Images.fromMap((Map<String, ?>) map);
    }
    Class<Object> type = (Class<Object>) item.getClass();
    if (type.isAnnotationPresent(DynamoDbBean.class)) {
      return TableSchema.fromBean(type).itemToMap(item, true);
    }
    if (type.isAnnotationPresent(DynamoDbImmutable.class)) {
      return TableSchema.fromImmutableClass(type).itemToMap(item, true);
    }
    Map<String, Object> plain = ITEMS.convertValue(item, Map.class);
    plain.values().removeIf(v -> v == null);
    return Images.fromMap(plain);
  }

  private Record record(
      String eventName,
      @Nullable Map<String, AttributeValue> oldImage,
      @Nullable Map<String, AttributeValue> newImage,
      boolean ttl) {
    Map<String, AttributeValue> source = newImage != null ? newImage : oldImage;
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    keys.put(partitionKey, key(source, partitionKey));
    if (sortKey != null) {
      keys.put(sortKey, key(source, sortKey));
    }
    StreamRecord.Builder body =
        StreamRecord.builder()
            .keys(keys)
            .sequenceNumber(sequence.updateAndGet(s -> s.add(BigInteger.TEN)).toString())
            .sizeBytes((long) approximateSize(keys, oldImage, newImage))
            .streamViewType(viewType.name())
            .approximateCreationDateTime(clock.instant());
    if (oldImage != null && viewType.carries(dev.ddbstreams.ImageKind.OLD_IMAGE)) {
      body.oldImage(oldImage);
    }
    if (newImage != null && viewType.carries(dev.ddbstreams.ImageKind.NEW_IMAGE)) {
      body.newImage(newImage);
    }
    Record.Builder record =
        Record.builder()
            .eventID(String.format("%032x", events.incrementAndGet()))
            .eventName(eventName)
            .eventVersion("1.1")
            .eventSource("aws:dynamodb")
            .awsRegion(region)
            .dynamodb(body.build());
    if (ttl) {
      record.userIdentity(TtlDeletes.serviceIdentity());
    }
    return record.build();
  }

  private static AttributeValue key(Map<String, AttributeValue> image, String name) {
    AttributeValue value = image.get(name);
    if (value == null) {
      throw new IllegalArgumentException("The item has no key attribute '" + name + "'");
    }
    return value;
  }

  private static int approximateSize(Map<?, ?>... parts) {
    int size = 0;
    for (Map<?, ?> part : parts) {
      if (part != null) {
        size += part.toString().length();
      }
    }
    return size;
  }

  /**
   * Writes records as the JSON of a Lambda DynamoDB event, as the event source mapping sends it.
   *
   * @param records the records
   * @return the event JSON
   */
  public String lambdaEvent(List<Record> records) {
    return new String(LambdaEventWriter.write(records, streamArn), StandardCharsets.UTF_8);
  }

  /** Builds {@link StreamEvents}. Not thread-safe. */
  public static final class Builder {
    private String partitionKey = "PK";
    private @Nullable String sortKey = "SK";
    private ViewType viewType = ViewType.NEW_AND_OLD_IMAGES;
    private String region = "us-east-1";
    private String streamArn =
        "arn:aws:dynamodb:us-east-1:123456789012:table/PetTracker/stream/2026-11-24T00:00:00.000";
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the key attributes.
     *
     * @param partitionKey the partition key attribute
     * @param sortKey the sort key attribute
     * @return this builder
     */
    public Builder keys(String partitionKey, String sortKey) {
      this.partitionKey = partitionKey;
      this.sortKey = sortKey;
      return this;
    }

    /**
     * Sets the partition key of a table without a sort key.
     *
     * @param partitionKey the partition key attribute
     * @return this builder
     */
    public Builder keys(String partitionKey) {
      this.partitionKey = partitionKey;
      this.sortKey = null;
      return this;
    }

    /**
     * Sets the stream's view type, which decides the images records carry.
     *
     * @param viewType the view type
     * @return this builder
     */
    public Builder viewType(ViewType viewType) {
      if (viewType == ViewType.UNKNOWN) {
        throw new IllegalArgumentException("a stream has a known view type");
      }
      this.viewType = viewType;
      return this;
    }

    /**
     * Sets the stream ARN Lambda events carry, and the region from it.
     *
     * @param streamArn the ARN
     * @return this builder
     */
    public Builder streamArn(String streamArn) {
      this.streamArn = streamArn;
      String[] parts = streamArn.split(":");
      if (parts.length > 3) {
        this.region = parts[3];
      }
      return this;
    }

    /**
     * Sets the clock of {@code ApproximateCreationDateTime}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the factory.
     *
     * @return the factory
     */
    public StreamEvents build() {
      return new StreamEvents(this);
    }
  }
}
