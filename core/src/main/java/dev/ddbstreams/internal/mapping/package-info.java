/** Image mappers behind {@code ImageMapper.of}. Internal: may change in any release. */
@NullMarked
package dev.ddbstreams.internal.mapping;

import org.jspecify.annotations.NullMarked;
