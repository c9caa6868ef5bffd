package dev.ddbstreams.examples.pettracker;

import java.math.BigDecimal;

/**
 * A pet item ({@code PK = USER#userId}, {@code SK = PET#petId}).
 *
 * @param userId the owner
 * @param petId the pet
 * @param name the pet's name
 * @param species such as {@code dog}
 * @param weightKg the weight
 */
public record Pet(String userId, String petId, String name, String species, BigDecimal weightKg) {}
