package dev.ddbstreams.emulator.internal.streams;

import java.time.Duration;

/**
 * Settings of the stream store.
 *
 * @param shardsPerStream open shards per stream; records go to a shard by partition key hash
 * @param rolloverInterval roll a shard over after it was open this long (by the clock); zero: only
 *     on demand
 * @param retention how long records stay readable (the service: 24 hours)
 * @param iteratorLifetime how long a shard iterator stays valid (the service: 15 minutes)
 */
public record StreamSettings(
    int shardsPerStream,
    Duration rolloverInterval,
    Duration retention,
    Duration iteratorLifetime) {}
