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
package dev.ddbstreams.kcl.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.exceptions.InvalidStateException;
import software.amazon.kinesis.exceptions.KinesisClientLibDependencyException;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * Writes checkpoints for one shard, retrying throttling and dependency errors a few times. A
 * checkpoint that the lease table refuses because another worker holds the lease means the lease is
 * lost: the caller must stop. Not thread-safe: one instance per shard processor.
 */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final int ATTEMPTS = 5;

  /** What a checkpoint attempt came to. */
  enum Result {
    /** The lease table holds the new checkpoint. */
    WRITTEN,
    /** The lease belongs to another worker now; stop processing the shard. */
    LEASE_LOST,
    /** The checkpoint could not be written; a later one will cover it. */
    NOT_WRITTEN
  }

  private final String shardId;
  private final Sleeper sleeper;
  private @Nullable String written;

  Checkpoints(String shardId, Sleeper sleeper) {
    this.shardId = shardId;
    this.sleeper = sleeper;
  }

  /**
   * Checkpoints at a sequence number, unless the last checkpoint written is already there.
   *
   * @param checkpointer the checkpointer of the current call
   * @param sequenceNumber the last record that is done
   * @return what happened
   */
  Result at(RecordProcessorCheckpointer checkpointer, String sequenceNumber) {
    if (sequenceNumber.equals(written)) {
      return Result.WRITTEN;
    }
    Result result = write(checkpointer, sequenceNumber);
    if (result == Result.WRITTEN) {
      written = sequenceNumber;
      LOG.debug("Shard {}: checkpoint at {}", shardId, sequenceNumber);
    }
    return result;
  }

  /**
   * Checkpoints at the end of the shard, so KCL starts its child shards.
   *
   * @param checkpointer the checkpointer of the shard-ended call
   * @return what happened
   */
  Result atShardEnd(RecordProcessorCheckpointer checkpointer) {
    return write(checkpointer, null);
  }

  private Result write(RecordProcessorCheckpointer checkpointer, @Nullable String sequenceNumber) {
    String where = sequenceNumber == null ? "SHARD_END" : sequenceNumber;
    for (int attempt = 1; ; attempt++) {
      try {
        if (sequenceNumber == null) {
          checkpointer.checkpoint();
        } else {
          checkpointer.checkpoint(sequenceNumber);
        }
        return Result.WRITTEN;
      } catch (ShutdownException e) {
        LOG.info("Shard {}: lease lost, checkpoint at {} refused; stopping", shardId, where);
        return Result.LEASE_LOST;
      } catch (ThrottlingException | KinesisClientLibDependencyException e) {
        if (attempt >= ATTEMPTS) {
          LOG.warn(
              "Shard {}: checkpoint at {} failed {} times ({}); a later checkpoint will cover it",
              shardId,
              where,
              attempt,
              e.toString());
          return Result.NOT_WRITTEN;
        }
        if (!sleeper.sleep(Duration.ofMillis(100L << attempt))) {
          return Result.NOT_WRITTEN;
        }
      } catch (InvalidStateException | IllegalArgumentException e) {
        LOG.error("Shard {}: checkpoint at {} refused: {}", shardId, where, e.toString());
        return Result.NOT_WRITTEN;
      } catch (RuntimeException e) {
        // Nothing may escape to KCL; an unexpected failure leaves the checkpoint to a later one.
        LOG.error("Shard {}: checkpoint at {} failed unexpectedly", shardId, where, e);
        return Result.NOT_WRITTEN;
      }
    }
  }
}
