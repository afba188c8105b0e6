package dev.arrears.architecture.violations.web;

import dev.arrears.architecture.violations.persistence.SomeEntity;

/** Deliberately broken: the admin API must reach data through application ports. */
public class ResourceUsingAnEntity {
    public SomeEntity show() {
        return new SomeEntity();
    }
}
