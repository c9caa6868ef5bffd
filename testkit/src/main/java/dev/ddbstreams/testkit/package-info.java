/**
 * Test support for ddbstreams: the project's DynamoDB emulator as a JUnit 5 extension, tables with
 * streams, stream readers, Lambda event builders and assertions.
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * DynamoDbEmulator emulator = DynamoDbEmulator.shared();
 * StreamTable table = StreamTable.builder().create(emulator.client());
 * StreamReader reader = table.reader(emulator.streamsClient());
 * emulator.client().putItem(b -> b.tableName(table.name()).item(item));
 * List<Record> records = reader.awaitRecords(1, Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Everything in this package is {@code null}-marked: parameters and return values are never
 * {@code null} unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.ddbstreams.testkit;

import org.jspecify.annotations.NullMarked;
