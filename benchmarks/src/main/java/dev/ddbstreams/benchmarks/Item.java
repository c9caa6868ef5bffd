package dev.ddbstreams.benchmarks;

/**
 * The 10-attribute PetTracker item of {@link Workloads} as a user declares it for ddbstreams: a
 * Java record, which the library maps with Jackson.
 */
public record Item(
    String PK,
    String SK,
    String entityType,
    String name,
    String species,
    int weightKg,
    int ageYears,
    boolean vaccinated,
    String userId,
    String createdAt) {}
