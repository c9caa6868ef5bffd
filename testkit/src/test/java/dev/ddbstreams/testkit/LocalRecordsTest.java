package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class LocalRecordsTest {

  private static Record local(String eventName) {
    Map<String, AttributeValue> keys = Map.of("PK", AttributeValue.fromS("USER#1"));
    return Record.builder()
        .eventID("e-1")
        .eventName(eventName)
        .eventVersion("1.1")
        .eventSource("aws:dynamodb")
        .awsRegion("ddblocal")
        .dynamodb(
            StreamRecord.builder()
                .approximateCreationDateTime(Instant.parse("2026-11-24T08:17:00Z"))
                .keys(keys)
                .oldImage(
                    Map.of("PK", AttributeValue.fromS("USER#1"), "n", AttributeValue.fromN("1")))
                .sequenceNumber("000000000000000000007")
                .sizeBytes(12L)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                .build())
        .build();
  }

  @Test
  void turnsEmbeddedExpireIntoRemoveByTheDynamoDbService() {
    Record normalized = LocalRecords.normalize(local("EXPIRE"));

    assertThat(normalized.eventName()).isEqualTo(OperationType.REMOVE);
    assertThat(normalized.userIdentity().type()).isEqualTo("Service");
    assertThat(normalized.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(LocalRecords.isTtlDelete(normalized)).isTrue();
  }

  @Test
  void keepsEverythingButEventNameAndIdentityOfATtlDelete() {
    Record original = local("EXPIRE");
    Record normalized = LocalRecords.normalize(original);

    assertThat(normalized.toBuilder().eventName("EXPIRE").userIdentity((Identity) null).build())
        .isEqualTo(original);
  }

  @Test
  void treatsAnyUnknownEventNameAsATtlDelete() {
    assertThat(LocalRecords.normalize(local("TTL_DELETE")).eventName())
        .isEqualTo(OperationType.REMOVE);
  }

  @Test
  void leavesInsertModifyAndRemoveUntouched() {
    for (String name : new String[] {"INSERT", "MODIFY", "REMOVE"}) {
      Record record = local(name);
      assertThat(LocalRecords.normalize(record)).isSameAs(record);
      assertThat(LocalRecords.isTtlDelete(record)).isFalse();
    }
  }

  @Test
  void leavesARecordWithoutEventNameUntouched() {
    Record record = local("INSERT").toBuilder().eventName((String) null).build();
    assertThat(LocalRecords.normalize(record)).isSameAs(record);
  }

  @Test
  void normalizingTwiceGivesTheSameRecord() {
    Record once = LocalRecords.normalize(local("EXPIRE"));
    assertThat(LocalRecords.normalize(once)).isEqualTo(once);
  }
}
