package dev.arrears.architecture.violations.domain;

/** Deliberately broken: the domain must not know a framework. */
public class DomainUsingJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
