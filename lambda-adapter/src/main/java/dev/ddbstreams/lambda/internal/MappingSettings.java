package dev.ddbstreams.lambda.internal;

import dev.ddbstreams.FilterCriteria;
import dev.ddbstreams.lambda.FailedBatch;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a local event source mapping, checked by its builder.
 *
 * @param streamArn the stream
 * @param batchSize most records per invocation
 * @param batchingWindow how long to gather records before invoking with fewer than a batch
 * @param reportBatchItemFailures whether the function's partial batch response is honoured
 * @param bisectOnFunctionError whether a failing batch is split in two before it is retried
 * @param maximumRetryAttempts retries before records are given up, or -1 for no limit
 * @param maximumRecordAge age after which records are given up, or {@code null} for no limit
 * @param parallelizationFactor concurrent batches per shard, records of one partition key in one
 * @param functionTimeout the function timeout, which sets the context's remaining time
 * @param functionName the function name in the context
 * @param filterCriteria the mapping's filter criteria, or {@code null} for none
 * @param onFailure the on-failure destination
 * @param filterCriteria the filter criteria, or {@code null} for none
 */
public record MappingSettings(
    String streamArn,
    int batchSize,
    Duration batchingWindow,
    boolean reportBatchItemFailures,
    boolean bisectOnFunctionError,
    int maximumRetryAttempts,
    @Nullable Duration maximumRecordAge,
    int parallelizationFactor,
    Duration functionTimeout,
    String functionName,
    Consumer<FailedBatch> onFailure,
    @Nullable FilterCriteria filterCriteria) {}
