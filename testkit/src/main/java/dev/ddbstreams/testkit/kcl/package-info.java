/**
 * Runs the Kinesis Client Library (KCL 3) and the DynamoDB Streams Kinesis adapter against embedded
 * DynamoDB Local, for tests of KCL consumers: {@link dev.ddbstreams.testkit.kcl.LocalKcl}.
 *
 * <p>Needs {@code amazon-kinesis-client} and {@code dynamodb-streams-kinesis-adapter} on the class
 * path (optional dependencies of the testkit; {@code ddbstreams-kcl} brings both). Nothing here is
 * needed against real DynamoDB. Everything in this package is {@code null}-marked.
 */
@NullMarked
package dev.ddbstreams.testkit.kcl;

import org.jspecify.annotations.NullMarked;
