/**
 * Records whose images are decoded on first read: the one internal package core shares with its
 * adapters, so that an adapter that scans event bytes itself can hand the router records whose
 * images it has not decoded. Not API: users must not import it.
 */
@NullMarked
package dev.ddbstreams.internal.record;

import org.jspecify.annotations.NullMarked;
