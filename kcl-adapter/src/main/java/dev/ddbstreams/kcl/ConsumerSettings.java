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
