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

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The 10-attribute item as the bean a hand-written handler maps with {@code
 * TableSchema.fromBean(ItemBean.class)}; {@link ItemSchema} is its static schema.
 */
@DynamoDbBean
public class ItemBean {
  private String pk;
  private String sk;
  private String entityType;
  private String name;
  private String species;
  private int weightKg;
  private int ageYears;
  private boolean vaccinated;
  private String userId;
  private String createdAt;

  /** Creates an empty item. */
  public ItemBean() {}

  /**
   * @return the partition key
   */
  @DynamoDbPartitionKey
  public String getPK() {
    return pk;
  }

  /**
   * @param v the partition key
   */
  public void setPK(String v) {
    pk = v;
  }

  /**
   * @return the sort key
   */
  @DynamoDbSortKey
  public String getSK() {
    return sk;
  }

  /**
   * @param v the sort key
   */
  public void setSK(String v) {
    sk = v;
  }

  /**
   * @return the entity type
   */
  public String getEntityType() {
    return entityType;
  }

  /**
   * @param v the entity type
   */
  public void setEntityType(String v) {
    entityType = v;
  }

  /**
   * @return the name
   */
  public String getName() {
    return name;
  }

  /**
   * @param v the name
   */
  public void setName(String v) {
    name = v;
  }

  /**
   * @return the species
   */
  public String getSpecies() {
    return species;
  }

  /**
   * @param v the species
   */
  public void setSpecies(String v) {
    species = v;
  }

  /**
   * @return the weight
   */
  public int getWeightKg() {
    return weightKg;
  }

  /**
   * @param v the weight
   */
  public void setWeightKg(int v) {
    weightKg = v;
  }

  /**
   * @return the age
   */
  public int getAgeYears() {
    return ageYears;
  }

  /**
   * @param v the age
   */
  public void setAgeYears(int v) {
    ageYears = v;
  }

  /**
   * @return whether vaccinated
   */
  public boolean isVaccinated() {
    return vaccinated;
  }

  /**
   * @param v whether vaccinated
   */
  public void setVaccinated(boolean v) {
    vaccinated = v;
  }

  /**
   * @return the user ID
   */
  public String getUserId() {
    return userId;
  }

  /**
   * @param v the user ID
   */
  public void setUserId(String v) {
    userId = v;
  }

  /**
   * @return the creation time
   */
  public String getCreatedAt() {
    return createdAt;
  }

  /**
   * @param v the creation time
   */
  public void setCreatedAt(String v) {
    createdAt = v;
  }
}
