/**
 * Implementation of the KCL adapter. Not an API: it may change in any release; do not import it.
 */
@NullMarked
package dev.ddbstreams.kcl.internal;

import org.jspecify.annotations.NullMarked;
