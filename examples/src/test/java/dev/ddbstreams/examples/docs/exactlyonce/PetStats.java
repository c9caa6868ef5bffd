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
