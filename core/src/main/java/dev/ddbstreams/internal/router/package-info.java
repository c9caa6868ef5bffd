/** The router's machinery: handler scanning, matching, dispatch. Internal: may change any time. */
@NullMarked
package dev.ddbstreams.internal.router;

import org.jspecify.annotations.NullMarked;
