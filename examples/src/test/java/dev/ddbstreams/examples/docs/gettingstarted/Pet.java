package dev.ddbstreams.examples.docs.gettingstarted;

import java.math.BigDecimal;

// tag::pet[]
public record Pet(String userId, String name, String species, BigDecimal weightKg) {}
// end::pet[]
