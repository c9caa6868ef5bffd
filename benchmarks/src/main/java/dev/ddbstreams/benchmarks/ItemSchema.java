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
