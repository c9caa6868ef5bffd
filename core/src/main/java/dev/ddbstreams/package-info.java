/**
 * Typed, routed, idempotent DynamoDB Streams consumers.
 *
 * <p>The entry points are {@code StreamRecord}, a stream record with typed images decoded on
 * demand, and {@code ImageMapper}, which turns a DynamoDB image into a Java object. Everything in
 * this package is {@code null}-marked: parameters and return values are never {@code null} unless
 * annotated {@code @Nullable}.
 */
@NullMarked
package dev.ddbstreams;

import org.jspecify.annotations.NullMarked;
