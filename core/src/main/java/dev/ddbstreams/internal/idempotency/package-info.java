/**
 * The DynamoDB idempotency store's table layout, requests and table setup. Internal: may change any
 * time.
 */
@NullMarked
package dev.ddbstreams.internal.idempotency;

import org.jspecify.annotations.NullMarked;
