package dev.ddbstreams.examples.pettracker;

/**
 * An activity item ({@code PK = PET#petId}, {@code SK = ACTIVITY#timestamp}).
 *
 * @param petId the pet
 * @param type such as {@code walk}
 * @param timestamp ISO-8601, the date is its first ten characters
 */
public record Activity(String petId, String type, String timestamp) {}
