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
package dev.ddbstreams.idempotency;

import dev.ddbstreams.TransactionLimitException;
import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.internal.writes.Cancellations;
import dev.ddbstreams.internal.writes.StagedWrites;
import dev.ddbstreams.internal.writes.WriteTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An idempotency store in a DynamoDB table, shared by every worker of a consumer: Lambda
 * invocations, KCL workers, several applications (told apart by the router's idempotency
 * namespace).
 *
 * <pre>{@code
 * IdempotencyStore store = DynamoDbIdempotencyStore.builder()
 *     .client(DynamoDbClient.create())
 *     .tableName("idempotency")
 *     .build();
 * }</pre>
 *
 * <h2>Cost and guarantees</h2>
 *
 * {@link #begin} is one conditional {@code PutItem}; when the key is taken, DynamoDB returns the
 * existing item with the failed condition, so there is no second read. {@link #complete} is one
 * {@code UpdateItem}, {@link #release} one conditional {@code DeleteItem}. A (handler, record) pair
 * that runs once therefore costs two writes. Of callers racing on one key, exactly one gets {@link
 * IdempotencyState#NEW}. Every error other than the expected failed condition becomes an {@link
 * IdempotencyStoreException} naming the key: the store never guesses "new", so the record fails and
 * is retried. Thread-safe.
 *
 * <h2>Table</h2>
 *
 * The layout is that of the Powertools for AWS Lambda idempotency table, so teams can share one:
 * partition key {@code id} (S); {@code expiration} (N, epoch seconds, the TTL attribute); {@code
 * in_progress_expiration} (N, epoch milliseconds); {@code status} (S, {@code INPROGRESS} or {@code
 * COMPLETED}). Keys are {@link IdempotencyKey#value()}, which do not collide with Powertools' keys.
 * In CloudFormation or SAM:
 *
 * <pre>{@code
 * IdempotencyTable:
 *   Type: AWS::DynamoDB::Table
 *   Properties:
 *     BillingMode: PAY_PER_REQUEST
 *     AttributeDefinitions:
 *       - { AttributeName: id, AttributeType: S }
 *     KeySchema:
 *       - { AttributeName: id, KeyType: HASH }
 *     TimeToLiveSpecification:
 *       AttributeName: expiration
 *       Enabled: true
 * }</pre>
 *
 * The consumer needs {@code dynamodb:PutItem}, {@code dynamodb:UpdateItem} and {@code
 * dynamodb:DeleteItem} on the table; no reads. For tests and local runs, {@link #createTable}
 * creates such a table.
 */
public final class DynamoDbIdempotencyStore implements TransactionalIdempotencyStore {
  /** How long a key is remembered unless set otherwise: 48 hours. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(48);

  /** How long a DynamoDB stream keeps records; a shorter expiry lets a redelivery run again. */
  static final Duration STREAM_RETENTION = Duration.ofHours(24);

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbIdempotencyStore.class);

  private final DynamoDbClient client;
  private final IdempotencyTable table;
  private final Duration expiry;
  private final Clock clock;

  /** The leases this store took and has not yet completed or released, by key value. */
  private final Map<String, Instant> leases = new ConcurrentHashMap<>();

  private DynamoDbIdempotencyStore(
      DynamoDbClient client, String tableName, Duration expiry, Clock clock) {
    this.client = client;
    this.table = new IdempotencyTable(tableName);
    this.expiry = expiry;
    this.clock = clock;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates an idempotency table for tests and local runs: on-demand capacity, partition key {@code
   * id}, TTL on {@code expiration}. Does nothing to a table that exists but enable TTL on it.
   * Returns once the table is active. For production, define the table with infrastructure as code
   * (see the class description).
   *
   * @param client the client
   * @param tableName the table's name
   * @throws SdkException if DynamoDB refuses
   */
  public static void createTable(DynamoDbClient client, String tableName) {
    IdempotencyTableSetup.create(
        Objects.requireNonNull(client, "client"), Objects.requireNonNull(tableName, "tableName"));
  }

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    String id = key.value();
    Instant now = clock.instant();
    try {
      client.putItem(table.begin(id, now, now.plus(expiry), leaseExpiry));
      leases.put(id, leaseExpiry);
      LOG.debug("Took the lease of {} until {}", id, leaseExpiry);
      return IdempotencyState.NEW;
    } catch (ConditionalCheckFailedException taken) {
      // A failed condition means the item exists, and ALL_OLD returns it. If a DynamoDB
      // implementation returned none, waiting (IN_PROGRESS) is the safe reading: the record
      // fails and is retried.
      IdempotencyState state =
          taken.hasItem() ? IdempotencyTable.stateOf(taken.item()) : IdempotencyState.IN_PROGRESS;
      LOG.debug("Key {} is {}", id, state);
      return state;
    } catch (SdkException e) {
      throw failure("begin work on", key, e);
    }
  }

  @Override
  public void complete(IdempotencyKey key) {
    String id = key.value();
    try {
      client.updateItem(table.complete(id, clock.instant().plus(expiry)));
      leases.remove(id);
    } catch (SdkException e) {
      throw failure("mark complete", key, e);
    }
  }

  /**
   * Applies a handler's staged writes and marks the key completed in one {@code TransactWriteItems}
   * call, conditional on the lease taken with {@code leaseExpiry} (see {@link
   * TransactionalIdempotencyStore#completeWith}). Without writes it is one conditional {@code
   * UpdateItem}. On a failed condition DynamoDB returns the idempotency record, so there is no
   * second read: {@code COMPLETED} means an earlier commit went through, anything else that another
   * worker has the key.
   */
  @Override
  public boolean completeWith(
      IdempotencyKey key,
      Instant leaseExpiry,
      List<TransactWriteItem> writes,
      String clientRequestToken) {
    String id = key.value();
    checkWrites(key, writes);
    Instant expiration = clock.instant().plus(expiry);
    String commit = "handler " + key.handlerId() + " on record " + key.recordId();
    try {
      if (writes.isEmpty()) {
        client.updateItem(table.completeLeasedAlone(id, leaseExpiry, expiration));
      } else {
        List<TransactWriteItem> all = new ArrayList<>(writes.size() + 1);
        all.addAll(writes);
        all.add(
            TransactWriteItem.builder()
                .update(table.completeLeased(id, leaseExpiry, expiration))
                .build());
        client.transactWriteItems(b -> b.transactItems(all).clientRequestToken(clientRequestToken));
      }
    } catch (ConditionalCheckFailedException notOurs) {
      return alreadyCompleted(key, notOurs.hasItem() ? notOurs.item() : Map.of());
    } catch (TransactionCanceledException canceled) {
      List<CancellationReason> reasons =
          canceled.hasCancellationReasons() ? canceled.cancellationReasons() : List.of();
      if (reasons.size() > writes.size()) {
        CancellationReason ours = reasons.get(writes.size());
        if (TransactionalWriteException.CONDITIONAL_CHECK_FAILED.equals(ours.code())) {
          return alreadyCompleted(key, ours.hasItem() ? ours.item() : Map.of());
        }
      }
      throw Cancellations.canceled(commit, writes, table.name(), canceled);
    } catch (SdkException e) {
      throw Cancellations.failed(commit, e);
    }
    leases.remove(id);
    LOG.debug("Committed {} staged writes with {}", writes.size(), id);
    return true;
  }

  /** After the lease condition failed: false if the key is completed, else another worker's. */
  private boolean alreadyCompleted(IdempotencyKey key, Map<String, AttributeValue> item) {
    if (!item.isEmpty() && IdempotencyTable.stateOf(item) == IdempotencyState.COMPLETED) {
      leases.remove(key.value());
      LOG.debug("Key {} was completed already; nothing committed", key.value());
      return false;
    }
    throw new HandlerInProgressException(key);
  }

  /** What staging cannot check: the idempotency record's own operation and the client's region. */
  private void checkWrites(IdempotencyKey key, List<TransactWriteItem> writes) {
    if (writes.size() > StagedWrites.MAX_STAGED) {
      throw new TransactionLimitException(
          writes.size()
              + " writes cannot be committed with the idempotency record: a transaction holds"
              + " at most "
              + StagedWrites.MAX_OPERATIONS
              + " operations");
    }
    Region region = client.serviceClientConfiguration().region();
    for (int i = 0; i < writes.size(); i++) {
      WriteTarget target = WriteTarget.of(writes.get(i));
      String arnRegion = target.region();
      if (region != null && arnRegion != null && !arnRegion.equals(region.id())) {
        throw new TransactionLimitException(
            "staged write "
                + i
                + " ("
                + target
                + ") names a table in "
                + arnRegion
                + ", but the idempotency store's client is in "
                + region.id()
                + "; a transaction's tables must all be in one account and region");
      }
      if (WriteTarget.tableOf(target.tableName()).equals(table.name())
          && target.attributes().containsKey(IdempotencyTable.ID)
          && target
              .attributes()
              .get(IdempotencyTable.ID)
              .equals(AttributeValue.fromS(key.value()))) {
        throw new TransactionLimitException(
            "staged write "
                + i
                + " ("
                + target
                + ") names the handler's own idempotency record, which the commit marks completed");
      }
    }
  }

  /**
   * Ends the lease this store instance last took on the key, if no other worker took the key over
   * since; without one on record, any in-progress lease of the key. The router calls {@link
   * #release(IdempotencyKey, Instant)} instead.
   *
   * @param key the key
   */
  @Override
  public void release(IdempotencyKey key) {
    String id = key.value();
    Instant lease = leases.get(id);
    delete(key, lease);
    if (lease != null) {
      leases.remove(id, lease);
    }
  }

  /**
   * Ends the lease taken with this expiry, and only that one: a conditional delete on the lease's
   * expiry as written, so a worker whose lease lapsed never ends the lease of the worker that took
   * the key over.
   *
   * @param key the key
   * @param leaseExpiry the expiry the caller passed to {@link #begin}
   */
  @Override
  public void release(IdempotencyKey key, Instant leaseExpiry) {
    delete(key, leaseExpiry);
    leases.remove(key.value(), leaseExpiry);
  }

  private void delete(IdempotencyKey key, @Nullable Instant lease) {
    String id = key.value();
    try {
      client.deleteItem(table.release(id, lease));
    } catch (ConditionalCheckFailedException notOurs) {
      // Finished, gone, or another worker took the lease over after ours lapsed: leave it.
      LOG.debug("Lease of {} was no longer ours to release", id);
    } catch (SdkException e) {
      throw failure("release the lease of", key, e);
    }
  }

  /**
   * Returns the table's name.
   *
   * @return the name
   */
  public String tableName() {
    return table.name();
  }

  /**
   * Returns how long a key is remembered after its last write.
   *
   * @return the expiry
   */
  public Duration expiry() {
    return expiry;
  }

  @Override
  public String toString() {
    return "DynamoDbIdempotencyStore[table=" + table.name() + ", expiry=" + expiry + "]";
  }

  private IdempotencyStoreException failure(String action, IdempotencyKey key, SdkException e) {
    return new IdempotencyStoreException(
        "Could not "
            + action
            + " idempotency key "
            + key.value()
            + " in DynamoDB table "
            + table.name()
            + ": "
            + e.getMessage(),
        e);
  }

  /** Builds a {@link DynamoDbIdempotencyStore}. Not thread-safe. */
  public static final class Builder {
    // DynamoDB's rule for table names.
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private @Nullable DynamoDbClient client;
    private @Nullable String tableName;
    private @Nullable Duration expiry = DEFAULT_EXPIRY;
    private @Nullable Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the client. Required. The store does not close it.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(DynamoDbClient client) {
      this.client = client;
      return this;
    }

    /**
     * Sets the table. Required.
     *
     * @param tableName the table's name
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets how long a key is remembered after its last write, the TTL written to {@code
     * expiration}. Must exceed the stream's 24 hour retention, so that no redelivery outlives its
     * key. Default 48 hours.
     *
     * @param expiry more than 24 hours
     * @return this builder
     */
    public Builder expiry(Duration expiry) {
      this.expiry = expiry;
      return this;
    }

    /**
     * Sets the clock that times expiries and lapsed leases; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Checks the settings and builds the store. Makes no call to DynamoDB.
     *
     * @return the store
     * @throws IllegalArgumentException listing every problem found
     */
    public DynamoDbIdempotencyStore build() {
      List<String> problems = new ArrayList<>();
      if (client == null) {
        problems.add("client is required");
      }
      if (tableName == null || tableName.isEmpty()) {
        problems.add("tableName is required");
      } else if (!TABLE_NAME.matcher(tableName).matches()) {
        problems.add(
            "tableName must be 3 to 255 of the characters a-z, A-Z, 0-9, '_', '-', '.', was '"
                + tableName
                + "'");
      }
      if (expiry == null) {
        problems.add("expiry is required");
      } else if (expiry.compareTo(STREAM_RETENTION) <= 0) {
        problems.add(
            "expiry must exceed the stream's 24 hour retention, or a redelivered record can run"
                + " its handlers again; was "
                + expiry);
      }
      if (clock == null) {
        problems.add("clock is required");
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid DynamoDbIdempotencyStore settings:\n  - " + String.join("\n  - ", problems));
      }
      return new DynamoDbIdempotencyStore(client, tableName, expiry, clock);
    }
  }
}
