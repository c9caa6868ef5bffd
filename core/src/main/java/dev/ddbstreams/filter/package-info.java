/**
 * Lambda event filtering for DynamoDB streams: {@link dev.ddbstreams.filter.FilterPattern} (parsed,
 * checked and matched the way Lambda's filtering matches), and the {@link
 * dev.ddbstreams.filter.FilterCriteria} a router generates for its event source mapping.
 *
 * <pre>{@code
 * System.out.println(router.filterCriteria().json());
 * }</pre>
 *
 * <p>The pattern checker, the projection of a record into Lambda's JSON and the criteria generator
 * are package-private here.
 */
@NullMarked
package dev.ddbstreams.filter;

import org.jspecify.annotations.NullMarked;
