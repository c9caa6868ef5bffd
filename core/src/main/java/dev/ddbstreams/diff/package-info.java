/**
 * Differences between two images: {@link dev.ddbstreams.diff.ImageDiff} compares a modify event's
 * old and new images by value and lists each {@link dev.ddbstreams.diff.AttributeChange} by path.
 *
 * <pre>{@code
 * ImageDiff diff = change.diff();
 * if (diff.changed("address.city")) { ... }
 * }</pre>
 *
 * <p>The walker, the value equality and the patcher are package-private here; attribute paths are
 * parsed and printed by the one shared path type of the library's internals.
 */
@NullMarked
package dev.ddbstreams.diff;

import org.jspecify.annotations.NullMarked;
