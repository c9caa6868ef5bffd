/**
 * Runs a {@link dev.ddbstreams.StreamRouter} under the Kinesis Client Library (KCL 3) through the
 * DynamoDB Streams Kinesis adapter, for a fleet of workers that share a stream's shards by leases.
 *
 * <p>The entry point is {@link dev.ddbstreams.kcl.KclStreamConsumer}. Everything in this package is
 * {@code null}-marked: parameters and return values are never {@code null} unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.ddbstreams.kcl;

import org.jspecify.annotations.NullMarked;
