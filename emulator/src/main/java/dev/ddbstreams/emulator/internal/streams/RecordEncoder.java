package dev.ddbstreams.emulator.internal.streams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.Json;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a committed change into the JSON of a stream record, as GetRecords returns it, once at
 * append time: GetRecords then only copies the finished text into its answer.
 *
 * <p>The record follows the service: {@code eventID} (32 hex digits), {@code eventName}, {@code
 * eventVersion} 1.1, {@code eventSource} aws:dynamodb, {@code awsRegion}, {@code dynamodb} with
 * {@code ApproximateCreationDateTime} (epoch seconds, rounded down to the second as the API
 * reference documents for DynamoDB Streams), {@code Keys}, the images the view type asks for,
 * {@code SequenceNumber}, {@code SizeBytes} (item size of keys plus images, {@link ItemSize}) and
 * {@code StreamViewType}; a TTL delete also carries {@code userIdentity} of the service.
 *
 * <p>Thread-safe.
 */
final class RecordEncoder {

  private final String region;
  private final long idSeedHigh;
  private final long idSeedLow;

  RecordEncoder(String region) {
    this.region = region;
    // Event ids look random like the service's, but are a bijection of the sequence number, so no
    // two records of one store share one.
    SplittableRandom seeds = new SplittableRandom();
    this.idSeedHigh = seeds.nextLong();
    this.idSeedLow = seeds.nextLong();
  }

  /**
   * Encodes a change.
   *
   * @param sequence the record's sequence number (store counter)
   * @param createdMillis the record's creation time
   */
  ShardLog.Entry encode(ChangeRecord change, ViewType view, long sequence, long createdMillis) {
    boolean ttl = change.timeToLiveDelete();
    String eventName = ttl ? "REMOVE" : change.eventName();
    @Nullable Map<String, AttributeValue> newImage =
        view.includesNewImage() ? change.newImage() : null;
    @Nullable Map<String, AttributeValue> oldImage =
        view.includesOldImage() ? change.oldImage() : null;

    ObjectNode record = Json.object();
    record.put("eventID", eventId(sequence));
    record.put("eventName", eventName);
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", region);
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("ApproximateCreationDateTime", Math.floorDiv(createdMillis, 1000L));
    dynamodb.set("Keys", AttributeValueJson.writeItem(change.keys()));
    long size = ItemSize.of(change.keys());
    if (newImage != null) {
      dynamodb.set("NewImage", AttributeValueJson.writeItem(newImage));
      size += ItemSize.of(newImage);
    }
    if (oldImage != null) {
      dynamodb.set("OldImage", AttributeValueJson.writeItem(oldImage));
      size += ItemSize.of(oldImage);
    }
    dynamodb.put("SequenceNumber", SequenceNumbers.format(sequence));
    dynamodb.put("SizeBytes", size);
    dynamodb.put("StreamViewType", view.name());
    if (ttl) {
      ObjectNode identity = record.putObject("userIdentity");
      identity.put("PrincipalId", "dynamodb.amazonaws.com");
      identity.put("Type", "Service");
    }
    String json = Json.writeString(record);
    return new ShardLog.Entry(sequence, createdMillis, json, ItemSize.utf8Length(json));
  }

  /** 32 hex digits, distinct for distinct sequence numbers of this store. */
  String eventId(long sequence) {
    return hex16(mix(sequence ^ idSeedHigh)) + hex16(mix(sequence + idSeedLow));
  }

  /** SplitMix64's finaliser: a bijection on longs that scatters neighbouring inputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static String hex16(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }
}
