package dev.ddbstreams.emulator.internal.streams;

/**
 * A stream as the table layer reports it in DescribeTable.
 *
 * @param streamArn {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL}
 * @param streamLabel the label, an ISO-8601 timestamp with milliseconds
 */
public record StreamInfo(String streamArn, String streamLabel) {}
