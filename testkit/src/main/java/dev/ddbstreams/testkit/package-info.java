/**
 * Test support for ddbstreams: embedded DynamoDB Local, tables with streams, and a reader that
 * returns the stream's records as AWS would send them.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * DynamoDbLocal local = DynamoDbLocal.shared();
 * StreamTable table = StreamTable.builder().create(local.client());
 * StreamReader reader = table.reader(local.streamsClient());
 * local.client().putItem(b -> b.tableName(table.name()).item(item));
 * List<Record> records = reader.awaitRecords(1, Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Everything in this package is {@code null}-marked: parameters and return values are never
 * {@code null} unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.ddbstreams.testkit;

import org.jspecify.annotations.NullMarked;
