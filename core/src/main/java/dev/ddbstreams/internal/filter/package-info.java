/** Filter pattern checking, record projection and FilterCriteria generation. Not public API. */
@NullMarked
package dev.ddbstreams.internal.filter;

import org.jspecify.annotations.NullMarked;
