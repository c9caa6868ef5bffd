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
package dev.ddbstreams.kcl;

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.metrics.MetricsLevel;

/** The checked settings of one {@link KclStreamConsumer}. Exactly one of ARN and table is set. */
record ConsumerSettings(
    @Nullable String streamArn,
    @Nullable String tableName,
    String applicationName,
    String workerId,
    InitialPosition initialPosition,
    StreamRouter router,
    @Nullable DynamoDbAsyncClient dynamoDbClient,
    @Nullable DynamoDbStreamsClient streamsClient,
    @Nullable CloudWatchAsyncClient cloudWatchClient,
    MetricsLevel metricsLevel,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration shutdownTimeout,
    Consumer<? super KclConfigs> customizer) {}
