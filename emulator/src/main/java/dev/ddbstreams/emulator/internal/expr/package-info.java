/**
 * The expression language of the DynamoDB API, as the emulator implements it: condition and filter
 * expressions, update expressions, projection expressions and key condition expressions.
 *
 * <p>{@link dev.ddbstreams.emulator.internal.expr.Expressions} parses an expression once per
 * request into an immutable object ({@link dev.ddbstreams.emulator.internal.expr.Condition}, {@link
 * dev.ddbstreams.emulator.internal.expr.Update}, {@link
 * dev.ddbstreams.emulator.internal.expr.Projection}, {@link
 * dev.ddbstreams.emulator.internal.expr.KeyCondition}) that the table layer then applies to items.
 * A hand-written tokenizer ({@code Lexer}) feeds recursive-descent parsers that resolve {@code
 * #name} and {@code :value} placeholders through the request's {@link
 * dev.ddbstreams.emulator.internal.expr.ExpressionInput} as they read them.
 *
 * <p>Not part of the public API: anything here may change in any release. Every error is an {@link
 * dev.ddbstreams.emulator.internal.protocol.AwsException} worded as the service words it, without
 * attribute values.
 */
@NullMarked
package dev.ddbstreams.emulator.internal.expr;

import org.jspecify.annotations.NullMarked;
