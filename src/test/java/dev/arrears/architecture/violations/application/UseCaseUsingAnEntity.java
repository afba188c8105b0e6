package dev.arrears.architecture.violations.application;

import dev.arrears.architecture.violations.persistence.SomeEntity;

/** Deliberately broken: a use case must go through a port, not an entity. */
public class UseCaseUsingAnEntity {
    public SomeEntity load() {
        return new SomeEntity();
    }
}
