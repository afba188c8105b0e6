package dev.arrears.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arrears.application.LogContext;
import dev.arrears.application.OrganisationId;
import java.util.UUID;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class LogContextFilterTest {

    private final LogContextFilter filter = new LogContextFilter();

    @Test
    void aLineWrittenDuringAnActionCarriesTheOrganisationAndTheActionKey() {
        OrganisationId org = new OrganisationId(UUID.fromString("0b7e7c9e-56a4-4bd4-9d6c-2b8b7a0c1f11"));
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "written", ExtLogRecord.FormatStyle.NO_FORMAT, "test");

        try (LogContext.Scope o = LogContext.organisation(org); LogContext.Scope a = LogContext.action("k:1")) {
            assertThat(filter.isLoggable(record)).isTrue();
        }

        assertThat(record.getMdc(LogContext.ORGANISATION)).isEqualTo(org.toString());
        assertThat(record.getMdc(LogContext.ACTION)).isEqualTo("k:1");
    }

    @Test
    void closingTheScopesLeavesLaterLinesUnnamed() {
        OrganisationId org = new OrganisationId(UUID.randomUUID());
        try (LogContext.Scope o = LogContext.organisation(org)) {
            try (LogContext.Scope a = LogContext.action("k:2")) {
                assertThat(LogContext.current()).containsKeys(LogContext.ORGANISATION, LogContext.ACTION);
            }
            assertThat(LogContext.current()).containsOnlyKeys(LogContext.ORGANISATION);
        }
        ExtLogRecord later = new ExtLogRecord(Level.INFO, "later", ExtLogRecord.FormatStyle.NO_FORMAT, "test");

        filter.isLoggable(later);

        assertThat(later.getMdc(LogContext.ORGANISATION)).isNull();
        assertThat(LogContext.current()).isEmpty();
    }
}
