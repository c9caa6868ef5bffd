/**
 * Implementation classes of the Lambda adapter. Not part of the public API: anything here may
 * change in any release.
 */
@NullMarked
package dev.ddbstreams.lambda.internal;

import org.jspecify.annotations.NullMarked;
