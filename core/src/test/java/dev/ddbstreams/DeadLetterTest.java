package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class DeadLetterTest {

  @Test
  void toStringNamesTheRecordHandlerAndErrorTypeButNoValue() {
    Record raw =
        TestRecords.modify(
            "42",
            Map.of(
                "PK", AttributeValue.fromS("USER#1"),
                "SK", AttributeValue.fromS("PET#1"),
                "owner", AttributeValue.fromS("Jane Doe")),
            Map.of(
                "PK", AttributeValue.fromS("USER#1"),
                "SK", AttributeValue.fromS("PET#1"),
                "owner", AttributeValue.fromS("John Roe")));
    DeadLetter letter =
        new DeadLetter(
            raw,
            "PetHandlers#weight",
            new IllegalStateException("cannot notify Jane Doe"),
            3,
            BatchContext.none());

    assertThat(letter.toString())
        .contains("event-42", "sequenceNumber=42", "PetHandlers#weight", "attempts=3")
        .contains(IllegalStateException.class.getName())
        .doesNotContain("Jane", "John", "Doe", "Roe");
  }
}
