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
package dev.ddbstreams.internal.writes;

import dev.ddbstreams.TransactionLimitException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes a handler attempt stages on (behind the public {@code TransactionalWrites}), checking
 * DynamoDB's transaction limits at each call so the error points at the call that broke one. Not
 * thread-safe.
 */
public final class StagedWrites {
  /** DynamoDB's limit on operations in one TransactWriteItems call. */
  public static final int MAX_OPERATIONS = 100;

  /** What a handler may stage: the idempotency record takes one operation of the transaction. */
  public static final int MAX_STAGED = MAX_OPERATIONS - 1;

  /** DynamoDB's item size limit. */
  public static final long MAX_ITEM_BYTES = 400L * 1024;

  /** DynamoDB's limit on the aggregate size of a transaction's items. */
  public static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

  /**
   * What the idempotency record's operation may take of the 4 MB: its key (up to 2 KB) and a few
   * attributes.
   */
  static final long IDEMPOTENCY_RECORD_BYTES = 4L * 1024;

  private final List<TransactWriteItem> staged = new ArrayList<>();
  private final List<WriteTarget> targets = new ArrayList<>();
  private final Map<String, Collection<String>> keyNames = new HashMap<>();
  private long bytes = IDEMPOTENCY_RECORD_BYTES;
  private @Nullable String regionAndAccount;
  private int firstArn = -1;

  /** Creates an empty instance. */
  public StagedWrites() {}

  public StagedWrites put(Put put) {
    return stage(TransactWriteItem.builder().put(Objects.requireNonNull(put, "put")).build());
  }

  public StagedWrites put(Consumer<Put.Builder> put) {
    return put(Put.builder().applyMutation(put).build());
  }

  public StagedWrites update(Update update) {
    return stage(
        TransactWriteItem.builder().update(Objects.requireNonNull(update, "update")).build());
  }

  public StagedWrites update(Consumer<Update.Builder> update) {
    return update(Update.builder().applyMutation(update).build());
  }

  public StagedWrites delete(Delete delete) {
    return stage(
        TransactWriteItem.builder().delete(Objects.requireNonNull(delete, "delete")).build());
  }

  public StagedWrites delete(Consumer<Delete.Builder> delete) {
    return delete(Delete.builder().applyMutation(delete).build());
  }

  public StagedWrites conditionCheck(ConditionCheck check) {
    return stage(
        TransactWriteItem.builder().conditionCheck(Objects.requireNonNull(check, "check")).build());
  }

  public StagedWrites conditionCheck(Consumer<ConditionCheck.Builder> check) {
    return conditionCheck(ConditionCheck.builder().applyMutation(check).build());
  }

  public <T> StagedWrites put(
      MappedTableResource<T> table, TransactPutItemEnhancedRequest<T> request) {
    learnKeys(table);
    return stage(only(TransactWriteItemsEnhancedRequest.builder().addPutItem(table, request)));
  }

  public <T> StagedWrites update(
      MappedTableResource<T> table, TransactUpdateItemEnhancedRequest<T> request) {
    learnKeys(table);
    return stage(only(TransactWriteItemsEnhancedRequest.builder().addUpdateItem(table, request)));
  }

  public StagedWrites delete(
      MappedTableResource<?> table, TransactDeleteItemEnhancedRequest request) {
    learnKeys(table);
    return stage(only(TransactWriteItemsEnhancedRequest.builder().addDeleteItem(table, request)));
  }

  public StagedWrites delete(MappedTableResource<?> table, Key key) {
    learnKeys(table);
    return stage(only(TransactWriteItemsEnhancedRequest.builder().addDeleteItem(table, key)));
  }

  public <T> StagedWrites conditionCheck(
      MappedTableResource<T> table,
      software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck<T> check) {
    learnKeys(table);
    return stage(only(TransactWriteItemsEnhancedRequest.builder().addConditionCheck(table, check)));
  }

  public List<TransactWriteItem> staged() {
    return Collections.unmodifiableList(staged);
  }

  /** The enhanced client builds the operation, its extensions included; we take it out. */
  private static TransactWriteItem only(TransactWriteItemsEnhancedRequest.Builder request) {
    return request.build().transactWriteItems().get(0);
  }

  private void learnKeys(MappedTableResource<?> table) {
    keyNames.put(
        WriteTarget.tableOf(table.tableName()),
        List.copyOf(table.tableSchema().tableMetadata().primaryKeys()));
  }

  private StagedWrites stage(TransactWriteItem item) {
    int index = staged.size();
    WriteTarget target = WriteTarget.of(item);
    String what = "staged write " + index + " (" + target + ")";
    if (target.tableName().isEmpty()) {
      throw new TransactionLimitException(
          "staged write " + index + " (" + target.operation() + ") names no table");
    }
    if (index >= MAX_STAGED) {
      throw new TransactionLimitException(
          String.format(
              Locale.ROOT,
              "%s is one too many: a transaction holds %d operations, and the handler's"
                  + " idempotency record takes one of them, so a handler may stage %d",
              what,
              MAX_OPERATIONS,
              MAX_STAGED));
    }
    checkRegion(target, what, index);
    long size = size(item);
    if (target.operation().equals("Put") && size > MAX_ITEM_BYTES) {
      throw new TransactionLimitException(
          String.format(
              Locale.ROOT,
              "%s puts an item of %,d bytes, over DynamoDB's %,d-byte item limit",
              what,
              size,
              MAX_ITEM_BYTES));
    }
    if (bytes + size > MAX_TRANSACTION_BYTES) {
      throw new TransactionLimitException(
          String.format(
              Locale.ROOT,
              "%s brings the transaction to %,d bytes, over DynamoDB's %,d-byte limit (counting"
                  + " %,d bytes for the idempotency record)",
              what,
              bytes + size,
              MAX_TRANSACTION_BYTES,
              IDEMPOTENCY_RECORD_BYTES));
    }
    if (target.isKey()) {
      keyNames.putIfAbsent(target.table(), List.copyOf(target.attributes().keySet()));
    }
    Collection<String> names = keyNames.get(target.table());
    for (int i = 0; i < targets.size(); i++) {
      if (target.sameItem(targets.get(i), names)) {
        throw new TransactionLimitException(
            what
                + " names the same item as staged write "
                + i
                + " ("
                + targets.get(i)
                + "); DynamoDB refuses two operations on one item in a transaction: combine them");
      }
    }
    staged.add(item);
    targets.add(target);
    bytes += size;
    return this;
  }

  private void checkRegion(WriteTarget target, String what, int index) {
    String here = target.regionAndAccount();
    if (here == null) {
      return;
    }
    if (regionAndAccount == null) {
      regionAndAccount = here;
      firstArn = index;
    } else if (!regionAndAccount.equals(here)) {
      throw new TransactionLimitException(
          what
              + " names a table in "
              + here
              + ", but staged write "
              + firstArn
              + " one in "
              + regionAndAccount
              + "; a transaction's tables must all be in one account and region");
    }
  }

  /** What the operation adds to the transaction's size: its item or key, and its values. */
  static long size(TransactWriteItem item) {
    if (item.put() != null) {
      return ItemSizes.of(item.put().item()) + values(item.put().expressionAttributeValues());
    }
    if (item.update() != null) {
      return ItemSizes.of(item.update().key()) + values(item.update().expressionAttributeValues());
    }
    if (item.delete() != null) {
      return ItemSizes.of(item.delete().key()) + values(item.delete().expressionAttributeValues());
    }
    return ItemSizes.of(item.conditionCheck().key())
        + values(item.conditionCheck().expressionAttributeValues());
  }

  private static long values(Map<String, AttributeValue> values) {
    long bytes = 0;
    for (AttributeValue v : values.values()) {
      bytes += ItemSizes.of(v);
    }
    return bytes;
  }

  /** Lists the staged operations by kind and table, never by values. */
  @Override
  public String toString() {
    return "TransactionalWrites" + targets;
  }
}
