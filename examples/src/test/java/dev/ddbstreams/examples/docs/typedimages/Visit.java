package dev.ddbstreams.examples.docs.typedimages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

// tag::visit[]
public record Visit(
    String vet, int minutes, BigDecimal costEur, Set<String> tags, List<String> notes) {}
// end::visit[]
