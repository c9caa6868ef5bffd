/**
 * PetTracker, the stream guide's example domain: a single table of users, pets, activities and
 * daily summaries, and the stream handlers a team would write for it.
 */
package dev.ddbstreams.examples.pettracker;
