package dev.ddbstreams.examples.docs.routing;

// tag::activity[]
public record Activity(String petId, String type, String timestamp) {}
// end::activity[]
