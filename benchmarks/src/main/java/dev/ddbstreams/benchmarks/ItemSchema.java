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

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** A static table schema of {@link ItemBean}: what a team writes to avoid bean introspection. */
public final class ItemSchema {
  private ItemSchema() {}

  /**
   * Builds the schema; build it once.
   *
   * @return the schema
   */
  public static StaticTableSchema<ItemBean> create() {
    return StaticTableSchema.builder(ItemBean.class)
        .newItemSupplier(ItemBean::new)
        .addAttribute(
            String.class,
            a ->
                a.name("PK")
                    .getter(ItemBean::getPK)
                    .setter(ItemBean::setPK)
                    .tags(primaryPartitionKey()))
        .addAttribute(
            String.class,
            a ->
                a.name("SK").getter(ItemBean::getSK).setter(ItemBean::setSK).tags(primarySortKey()))
        .addAttribute(
            String.class,
            a ->
                a.name("entityType")
                    .getter(ItemBean::getEntityType)
                    .setter(ItemBean::setEntityType))
        .addAttribute(
            String.class, a -> a.name("name").getter(ItemBean::getName).setter(ItemBean::setName))
        .addAttribute(
            String.class,
            a -> a.name("species").getter(ItemBean::getSpecies).setter(ItemBean::setSpecies))
        .addAttribute(
            Integer.class,
            a -> a.name("weightKg").getter(ItemBean::getWeightKg).setter(ItemBean::setWeightKg))
        .addAttribute(
            Integer.class,
            a -> a.name("ageYears").getter(ItemBean::getAgeYears).setter(ItemBean::setAgeYears))
        .addAttribute(
            Boolean.class,
            a ->
                a.name("vaccinated").getter(ItemBean::isVaccinated).setter(ItemBean::setVaccinated))
        .addAttribute(
            String.class,
            a -> a.name("userId").getter(ItemBean::getUserId).setter(ItemBean::setUserId))
        .addAttribute(
            String.class,
            a -> a.name("createdAt").getter(ItemBean::getCreatedAt).setter(ItemBean::setCreatedAt))
        .build();
  }
}
