package dev.ddbstreams.internal.router;

import dev.ddbstreams.IdempotencyKey;
import dev.ddbstreams.IdempotencyKeyStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Makes the idempotency key of a (handler, record) pair under the router's key strategy. */
final class IdempotencyKeys {
  private final String namespace;
  private final IdempotencyKeyStrategy strategy;

  IdempotencyKeys(String namespace, IdempotencyKeyStrategy strategy) {
    this.namespace = namespace;
    this.strategy = strategy;
  }

  IdempotencyKey of(String handlerId, RecordView view) {
    String recordId =
        strategy == IdempotencyKeyStrategy.EVENT_ID ? view.record.eventId() : itemAndSequence(view);
    return new IdempotencyKey(namespace, handlerId, recordId);
  }

  private static String itemAndSequence(RecordView view) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, AttributeValue> e : new TreeMap<>(view.record.keys()).entrySet()) {
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        AttributeValue v = e.getValue();
        String text =
            v.s() != null
                ? "S:" + v.s()
                : v.n() != null
                    ? "N:" + v.n()
                    : v.b() != null
                        ? "B:" + HexFormat.of().formatHex(v.b().asByteArrayUnsafe())
                        : "?:" + v.type();
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      sha.update(view.record.sequenceNumber().getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
