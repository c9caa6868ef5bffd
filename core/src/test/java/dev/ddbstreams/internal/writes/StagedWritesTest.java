package dev.ddbstreams.internal.writes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.TransactionLimitException;
import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.TransactionalWrites;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Staging checks DynamoDB's transaction limits at the call that breaks one. */
class StagedWritesTest {
  private static final String SECRET = "Jane-Doe-555-0101";

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("S"));
  }

  private static Map<String, AttributeValue> item(String pk, int bytes) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk));
    item.put("blob", AttributeValue.fromS("x".repeat(bytes)));
    return item;
  }

  @Test
  void stagesTheFourKindsInOrder() {
    TransactionalWrites writes =
        TransactionalWrites.create()
            .put(p -> p.tableName("T").item(key("A")))
            .update(u -> u.tableName("T").key(key("B")).updateExpression("SET n = :n"))
            .delete(d -> d.tableName("T").key(key("C")))
            .conditionCheck(
                c -> c.tableName("T").key(key("D")).conditionExpression("attribute_exists(PK)"));

    assertThat(writes.staged())
        .extracting(w -> WriteTarget.of(w).operation())
        .containsExactly("Put", "Update", "Delete", "ConditionCheck");
  }

  @Test
  void ninetyNineOperationsFitAndTheHundredthIsRefused() {
    TransactionalWrites writes = TransactionalWrites.create();
    for (int i = 0; i < 99; i++) {
      String pk = "ITEM#" + i;
      writes.delete(d -> d.tableName("T").key(key(pk)));
    }

    assertThatThrownBy(() -> writes.delete(d -> d.tableName("T").key(key("ITEM#99"))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessage(
            "staged write 99 (Delete on table T) is one too many: a transaction holds 100"
                + " operations, and the handler's idempotency record takes one of them, so a"
                + " handler may stage 99");
    assertThat(writes.staged()).hasSize(99);
  }

  @Test
  void anItemOver400KbIsRefused() {
    TransactionalWrites writes = TransactionalWrites.create();
    writes.put(p -> p.tableName("T").item(item("A", 400 * 1024 - 100)));

    assertThatThrownBy(() -> writes.put(p -> p.tableName("T").item(item("B", 400 * 1024))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessageContaining("staged write 1 (Put on table T) puts an item of 409,")
        .hasMessageContaining("over DynamoDB's 409,600-byte item limit")
        .hasMessageNotContaining("xxx");
  }

  @Test
  void aTransactionOver4MbIsRefusedAtTheWriteThatCrossesIt() {
    TransactionalWrites writes = TransactionalWrites.create();
    for (int i = 0; i < 10; i++) {
      String pk = "ITEM#" + i;
      writes.put(p -> p.tableName("T").item(item(pk, 400_000)));
    }

    assertThatThrownBy(() -> writes.put(p -> p.tableName("T").item(item("ITEM#10", 400_000))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessageContaining("staged write 10 (Put on table T) brings the transaction to")
        .hasMessageContaining("over DynamoDB's 4,194,304-byte limit");
  }

  @Test
  void twoOperationsOnOneItemAreRefusedHoweverTheyNameIt() {
    assertThatThrownBy(
            () ->
                TransactionalWrites.create()
                    .update(u -> u.tableName("T").key(key("A")).updateExpression("SET n = :n"))
                    .delete(d -> d.tableName("T").key(key("A"))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessage(
            "staged write 1 (Delete on table T) names the same item as staged write 0 (Update on"
                + " table T); DynamoDB refuses two operations on one item in a transaction:"
                + " combine them");
    assertThatThrownBy(
            () ->
                TransactionalWrites.create()
                    .put(p -> p.tableName("T").item(item("A", 10)))
                    .conditionCheck(
                        c ->
                            c.tableName("arn:aws:dynamodb:us-east-1:123456789012:table/T")
                                .key(key("A"))
                                .conditionExpression("attribute_exists(PK)")))
        .as("a put's item holds the key; a table named by ARN is the same table")
        .hasMessageContaining("names the same item as staged write 0 (Put on table T)");
    assertThatThrownBy(
            () ->
                TransactionalWrites.create()
                    .delete(d -> d.tableName("T").key(key("Z")))
                    .put(p -> p.tableName("T").item(item("A", 10)))
                    .put(p -> p.tableName("T").item(item("A", 20))))
        .as("two puts, once the key attributes are known from another operation on the table")
        .hasMessageContaining(
            "staged write 2 (Put on table T) names the same item as staged write 1");
  }

  @Test
  void otherItemsAndOtherTablesAreFine() {
    TransactionalWrites writes =
        TransactionalWrites.create()
            .put(p -> p.tableName("T").item(item("A", 10)))
            .put(p -> p.tableName("T").item(item("B", 10)))
            .put(p -> p.tableName("U").item(item("A", 10)))
            .update(u -> u.tableName("T").key(key("C")).updateExpression("SET n = :n"));

    assertThat(writes.staged()).hasSize(4);
  }

  @Test
  void tablesOfAnotherRegionOrAccountAreRefused() {
    TransactionalWrites writes =
        TransactionalWrites.create()
            .delete(
                d -> d.tableName("arn:aws:dynamodb:us-east-1:111111111111:table/T").key(key("A")));

    assertThatThrownBy(
            () ->
                writes.delete(
                    d ->
                        d.tableName("arn:aws:dynamodb:eu-west-1:111111111111:table/U")
                            .key(key("A"))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessageContaining("names a table in region eu-west-1, account 111111111111")
        .hasMessageContaining("but staged write 0 one in region us-east-1, account 111111111111");
    assertThatThrownBy(
            () ->
                writes.delete(
                    d ->
                        d.tableName("arn:aws:dynamodb:us-east-1:222222222222:table/U")
                            .key(key("A"))))
        .hasMessageContaining("one account and region");
  }

  @Test
  void anOperationWithoutATableIsRefused() {
    assertThatThrownBy(() -> TransactionalWrites.create().delete(d -> d.key(key("A"))))
        .isInstanceOf(TransactionLimitException.class)
        .hasMessage("staged write 0 (Delete) names no table");
  }

  /** A bean for the enhanced client. */
  @DynamoDbBean
  public static final class Pet {
    private String pk;
    private String sk;
    private String name;

    @DynamoDbPartitionKey
    public String getPk() {
      return pk;
    }

    public void setPk(String pk) {
      this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
      return sk;
    }

    public void setSk(String sk) {
      this.sk = sk;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  private static Pet pet(String pk, String name) {
    Pet pet = new Pet();
    pet.setPk(pk);
    pet.setSk("PET");
    pet.setName(name);
    return pet;
  }

  @Test
  void stagesTheEnhancedClientsRequestsAndKnowsItsTablesKeys() {
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      DynamoDbTable<Pet> pets =
          DynamoDbEnhancedClient.builder()
              .dynamoDbClient(client)
              .build()
              .table("Pets", TableSchema.fromBean(Pet.class));
      TransactionalWrites writes =
          TransactionalWrites.create()
              .put(
                  pets,
                  TransactPutItemEnhancedRequest.builder(Pet.class).item(pet("P1", "Rex")).build())
              .delete(pets, Key.builder().partitionValue("P2").sortValue("PET").build());

      List<TransactWriteItem> staged = writes.staged();
      assertThat(staged.get(0).put().tableName()).isEqualTo("Pets");
      assertThat(staged.get(0).put().item()).containsEntry("name", AttributeValue.fromS("Rex"));
      assertThat(staged.get(1).delete().key())
          .containsEntry("pk", AttributeValue.fromS("P2"))
          .containsEntry("sk", AttributeValue.fromS("PET"));
      assertThatThrownBy(
              () ->
                  writes.put(
                      pets,
                      TransactPutItemEnhancedRequest.builder(Pet.class)
                          .item(pet("P1", "Max"))
                          .build()))
          .as("two puts of one key: the table's schema names the key attributes")
          .hasMessageContaining(
              "staged write 2 (Put on table Pets) names the same item as staged write 0");
    }
  }

  @Test
  void printsKindsAndTablesNeverValues() {
    TransactionalWrites writes =
        TransactionalWrites.create()
            .put(p -> p.tableName("T").item(Map.of("PK", AttributeValue.fromS(SECRET))));

    assertThat(writes.toString())
        .isEqualTo("TransactionalWrites[Put on table T]")
        .doesNotContain(SECRET);
  }

  @Test
  void cancellationReasonsAreMappedToTheStagedOperations() {
    List<TransactWriteItem> writes =
        TransactionalWrites.create()
            .put(p -> p.tableName("T").item(item("A", 10)))
            .update(u -> u.tableName("U").key(key(SECRET)).updateExpression("SET n = :n"))
            .staged();
    TransactionCanceledException canceled =
        TransactionCanceledException.builder()
            .message("Transaction cancelled")
            .cancellationReasons(
                CancellationReason.builder().code("None").build(),
                CancellationReason.builder()
                    .code("ConditionalCheckFailed")
                    .message("The conditional request failed")
                    .item(key(SECRET))
                    .build(),
                CancellationReason.builder().code("TransactionConflict").build())
            .build();

    TransactionalWriteException e =
        Cancellations.canceled("handler H on record R", writes, "idempotency", canceled);

    assertThat(e.canceled())
        .containsExactly(
            new TransactionalWriteException.CanceledWrite(
                1, "Update", "U", "ConditionalCheckFailed"),
            new TransactionalWriteException.CanceledWrite(
                2, "Update", "idempotency", "TransactionConflict"));
    assertThat(e.transientFailure()).isFalse();
    assertThat(e)
        .hasMessage(
            "DynamoDB cancelled the transaction of handler H on record R: staged write 1 (Update"
                + " on table U): ConditionalCheckFailed; the idempotency record (Update on table"
                + " idempotency): TransactionConflict; nothing was applied")
        .hasCause(canceled);
    assertThat(e.toString() + e.canceled()).doesNotContain(SECRET);
  }
}
