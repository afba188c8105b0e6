package dev.arrears.application;

import java.time.Instant;

/**
 * An audit event as stored: its place in the trail and when it was written. Events stored together
 * (a decision and the actions it planned or stages it passed over) share the id and the time.
 */
public record AuditRecord(long id, Instant occurredAt, AuditEvent event) {
}
