/**
 * Implementation of {@code ImageDiff}: attribute paths, value equality, the image walker and the
 * patcher. Not part of the public API: anything here may change in any release.
 */
@NullMarked
package dev.ddbstreams.internal.diff;

import org.jspecify.annotations.NullMarked;
