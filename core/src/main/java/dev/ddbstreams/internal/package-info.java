/**
 * Implementation classes of ddbstreams core. Not part of the public API: anything here may change
 * in any release, and an architecture test keeps other modules from importing it.
 */
@NullMarked
package dev.ddbstreams.internal;

import org.jspecify.annotations.NullMarked;
