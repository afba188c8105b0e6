package dev.arrears.architecture.violations.persistence;

public class SomeEntity {
}
