package dev.arrears.architecture.violations.scheduling;

/** A well-behaved scheduler: present so that every package the rules speak of has a class. */
public class SomeScheduler {
}
