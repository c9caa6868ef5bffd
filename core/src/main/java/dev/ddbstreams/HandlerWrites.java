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

import dev.ddbstreams.internal.writes.StagedWrites;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What {@link TransactionalWrites#create()} returns: the public face of the staging and limit
 * checks, which live in an implementation package that does not name this interface (it throws the
 * API's exceptions, but no class there implements or names {@code TransactionalWrites}, so no loop
 * of class dependencies runs through the two packages, which {@code ArchitectureTest} checks).
 */
final class HandlerWrites implements TransactionalWrites {
  private final StagedWrites staged = new StagedWrites();

  @Override
  public TransactionalWrites put(Put put) {
    staged.put(put);
    return this;
  }

  @Override
  public TransactionalWrites put(Consumer<Put.Builder> put) {
    staged.put(put);
    return this;
  }

  @Override
  public TransactionalWrites update(Update update) {
    staged.update(update);
    return this;
  }

  @Override
  public TransactionalWrites update(Consumer<Update.Builder> update) {
    staged.update(update);
    return this;
  }

  @Override
  public TransactionalWrites delete(Delete delete) {
    staged.delete(delete);
    return this;
  }

  @Override
  public TransactionalWrites delete(Consumer<Delete.Builder> delete) {
    staged.delete(delete);
    return this;
  }

  @Override
  public TransactionalWrites conditionCheck(ConditionCheck check) {
    staged.conditionCheck(check);
    return this;
  }

  @Override
  public TransactionalWrites conditionCheck(Consumer<ConditionCheck.Builder> check) {
    staged.conditionCheck(check);
    return this;
  }

  @Override
  public <T> TransactionalWrites put(
      MappedTableResource<T> table, TransactPutItemEnhancedRequest<T> request) {
    staged.put(table, request);
    return this;
  }

  @Override
  public <T> TransactionalWrites update(
      MappedTableResource<T> table, TransactUpdateItemEnhancedRequest<T> request) {
    staged.update(table, request);
    return this;
  }

  @Override
  public TransactionalWrites delete(
      MappedTableResource<?> table, TransactDeleteItemEnhancedRequest request) {
    staged.delete(table, request);
    return this;
  }

  @Override
  public TransactionalWrites delete(MappedTableResource<?> table, Key key) {
    staged.delete(table, key);
    return this;
  }

  @Override
  public <T> TransactionalWrites conditionCheck(
      MappedTableResource<T> table,
      software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck<T> check) {
    staged.conditionCheck(table, check);
    return this;
  }

  @Override
  public List<TransactWriteItem> staged() {
    return staged.staged();
  }

  @Override
  public String toString() {
    return staged.toString();
  }
}
