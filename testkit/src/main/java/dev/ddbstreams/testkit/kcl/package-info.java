/**
 * Runs the Kinesis Client Library (KCL 3) and the DynamoDB Streams Kinesis adapter against the
 * project's DynamoDB emulator, and starts them in seconds, for tests of KCL consumers: {@link
 * dev.ddbstreams.testkit.kcl.LocalKcl}.
 *
 * <p>Needs {@code amazon-kinesis-client} and {@code dynamodb-streams-kinesis-adapter} on the class
 * path (optional dependencies of the testkit; {@code ddbstreams-kcl} brings both). Only the
 * start-up timings differ from a production set-up. Everything in this package is {@code
 * null}-marked.
 */
@NullMarked
package dev.ddbstreams.testkit.kcl;

import org.jspecify.annotations.NullMarked;
