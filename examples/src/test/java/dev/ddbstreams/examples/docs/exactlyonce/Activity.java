package dev.ddbstreams.examples.docs.exactlyonce;

/**
 * An activity item of the docs' examples.
 *
 * @param petId the pet
 * @param type such as {@code walk}
 * @param timestamp ISO-8601
 */
public record Activity(String petId, String type, String timestamp) {}
