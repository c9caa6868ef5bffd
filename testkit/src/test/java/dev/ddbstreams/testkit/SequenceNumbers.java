package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Checks on stream sequence numbers, compared as big integers as AWS requires. */
final class SequenceNumbers {
  private SequenceNumbers() {}

  static void assertStrictlyIncreasing(List<Record> records) {
    BigInteger previous = BigInteger.valueOf(-1);
    for (Record record : records) {
      BigInteger current = new BigInteger(record.dynamodb().sequenceNumber());
      assertThat(current).as("sequence number of %s", record.eventID()).isGreaterThan(previous);
      previous = current;
    }
  }
}
