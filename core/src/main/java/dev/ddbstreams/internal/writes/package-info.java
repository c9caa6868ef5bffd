/**
 * Transactional writes: staging with DynamoDB's transaction limits, sizes, and the mapping of
 * cancellation reasons to staged operations. Internal: may change any time.
 */
@NullMarked
package dev.ddbstreams.internal.writes;

import org.jspecify.annotations.NullMarked;
