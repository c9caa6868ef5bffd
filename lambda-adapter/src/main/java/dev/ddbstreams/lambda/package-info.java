/**
 * Runs a {@link dev.ddbstreams.StreamRouter} under AWS Lambda.
 *
 * <p>{@link dev.ddbstreams.lambda.DynamoDbStreamLambda} is the handler base for the Lambda
 * runtime's own event classes; {@link dev.ddbstreams.lambda.DynamoDbStreamJsonLambda} reads the
 * event JSON as a stream straight into SDK v2 records. Both answer with a partial batch response.
 * The testkit's {@code dev.ddbstreams.testkit.lambda.LocalEventSourceMapping} feeds a real stream
 * to either in tests, as the Lambda event source mapping would; this module does not contain it.
 * Everything in this package is {@code null}-marked.
 */
@NullMarked
package dev.ddbstreams.lambda;

import org.jspecify.annotations.NullMarked;
