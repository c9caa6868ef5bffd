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
package dev.ddbstreams.examples.docs.exactlyonce;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** A bean of the enhanced client in the PetTracker table, for docs/exactly-once.md. */
@DynamoDbBean
public class PetStats {
  private String pk;
  private String sk;
  private String lastActivity;

  /**
   * Returns the partition key.
   *
   * @return {@code PET#id}
   */
  @DynamoDbPartitionKey
  @DynamoDbAttribute("PK")
  public String getPk() {
    return pk;
  }

  /**
   * Sets the partition key.
   *
   * @param pk {@code PET#id}
   */
  public void setPk(String pk) {
    this.pk = pk;
  }

  /**
   * Returns the sort key.
   *
   * @return {@code STATS}
   */
  @DynamoDbSortKey
  @DynamoDbAttribute("SK")
  public String getSk() {
    return sk;
  }

  /**
   * Sets the sort key.
   *
   * @param sk {@code STATS}
   */
  public void setSk(String sk) {
    this.sk = sk;
  }

  /**
   * Returns the type of the pet's last activity.
   *
   * @return such as {@code walk}
   */
  public String getLastActivity() {
    return lastActivity;
  }

  /**
   * Sets the type of the pet's last activity.
   *
   * @param lastActivity such as {@code walk}
   */
  public void setLastActivity(String lastActivity) {
    this.lastActivity = lastActivity;
  }
}
