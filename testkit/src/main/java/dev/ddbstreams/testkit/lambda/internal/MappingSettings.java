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
package dev.ddbstreams.testkit.lambda.internal;

import dev.ddbstreams.filter.FilterCriteria;
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
 * @param onFailure the on-failure destination, given each on-failure record as JSON
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
    Consumer<String> onFailure,
    @Nullable FilterCriteria filterCriteria) {}
