package dev.arrears.architecture.violations.files;

import dev.arrears.architecture.violations.persistence.SomeEntity;

/** Deliberately broken: a file reader reaching into persistence instead of going through a port. */
public class PolicyReaderUsingAnEntity {
    public Object read() {
        return new SomeEntity();
    }
}
