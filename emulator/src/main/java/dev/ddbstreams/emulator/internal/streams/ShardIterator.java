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
package dev.ddbstreams.emulator.internal.streams;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * A position in a shard as GetShardIterator hands it out and GetRecords takes it back: the stream,
 * the shard, the index of the next record to read and when the iterator was issued.
 *
 * <p>The text form starts like the service's, {@code STREAM_ARN|1|} followed by an opaque base64
 * blob (the HTTP front reads the table name from the ARN for fault matching). The blob holds the
 * position, the issue time and the shard id, with a CRC over all of it and the ARN, so an edited or
 * truncated iterator is rejected rather than read from the wrong place.
 *
 * @param streamArn the stream
 * @param shardId the shard
 * @param position index of the next record to return
 * @param issuedMillis when GetShardIterator or GetRecords issued it, by the store's clock
 */
record ShardIterator(String streamArn, String shardId, long position, long issuedMillis) {

  private static final String VERSION = "|1|";
  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  /** The text form. */
  String encode() {
    byte[] shard = shardId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer blob = ByteBuffer.allocate(16 + shard.length + 4);
    blob.putLong(position).putLong(issuedMillis).put(shard);
    blob.putInt((int) crc(streamArn, blob.array(), blob.position()));
    return streamArn + VERSION + ENCODER.encodeToString(blob.array());
  }

  /**
   * Reads an iterator's text form.
   *
   * @throws AwsException a {@code ValidationException} for text that no GetShardIterator issued
   */
  static ShardIterator decode(String text) {
    int bar = text.lastIndexOf(VERSION);
    if (bar <= 0) {
      throw invalid();
    }
    String arn = text.substring(0, bar);
    byte[] blob;
    try {
      blob = DECODER.decode(text.substring(bar + VERSION.length()));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (blob.length < 16 + 1 + 4) {
      throw invalid();
    }
    ByteBuffer in = ByteBuffer.wrap(blob);
    long position = in.getLong();
    long issued = in.getLong();
    int shardLength = blob.length - 16 - 4;
    String shard = new String(blob, 16, shardLength, StandardCharsets.UTF_8);
    int crc = ByteBuffer.wrap(blob, blob.length - 4, 4).getInt();
    if (crc != (int) crc(arn, blob, blob.length - 4) || position < 0) {
      throw invalid();
    }
    return new ShardIterator(arn, shard, position, issued);
  }

  /** An iterator of the same shard at {@code nextPosition}, issued at {@code nowMillis}. */
  ShardIterator at(long nextPosition, long nowMillis) {
    return new ShardIterator(streamArn, shardId, nextPosition, nowMillis);
  }

  private static long crc(String arn, byte[] blob, int length) {
    CRC32 crc = new CRC32();
    crc.update(arn.getBytes(StandardCharsets.UTF_8));
    crc.update(blob, 0, length);
    return crc.getValue();
  }

  static AwsException invalid() {
    return AwsException.validation("Invalid ShardIterator");
  }
}
