/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
