package dev.arrears.application;

import java.time.Instant;

/** An audit event as stored: its place in the trail and when it was written. */
public record AuditRecord(long id, Instant occurredAt, AuditEvent event) {
}
