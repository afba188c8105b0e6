package dev.arrears.architecture.violations.application;

import dev.arrears.architecture.violations.files.PolicyReaderUsingAnEntity;

/** Deliberately broken: a use case depending on a file reader instead of a port. */
public class UseCaseReadingAPolicyFile {
    public Object policy() {
        return new PolicyReaderUsingAnEntity().read();
    }
}
