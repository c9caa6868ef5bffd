/**
 * Backfills: a table's existing items fed through a {@link dev.ddbstreams.StreamRouter} as snapshot
 * records, so that a new view (a search index, a replica, a leaderboard) can be built from the
 * whole table with the same handlers that keep it current from the stream.
 *
 * <p>The entry point is {@link dev.ddbstreams.backfill.TableBackfill}: a parallel scan with a
 * read-capacity budget, progress, a checkpoint per segment for resumption, and segments shared
 * between processes. {@link dev.ddbstreams.backfill.SnapshotRecords} makes snapshot records from
 * items read elsewhere.
 */
@NullMarked
package dev.ddbstreams.backfill;

import org.jspecify.annotations.NullMarked;
