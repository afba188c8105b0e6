package dev.arrears.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerCallMeterTest {

    @Test
    void theOperationLabelKeepsThePathsWordsAndDropsIdsRealmsAndVersions() {
        assertThat(LedgerCallMeter.operation("/api.xro/2.0/Invoices/8f2a1c3e-0b1d-4c55-9a2e-1b2c3d4e5f60/History"))
                .isEqualTo("Invoices/History");
        assertThat(LedgerCallMeter.operation("/v3/company/9130357766290126/query")).isEqualTo("query");
        assertThat(LedgerCallMeter.operation("/oauth2/v1/tokens/bearer")).isEqualTo("tokens/bearer");
        assertThat(LedgerCallMeter.operation("/connect/token")).isEqualTo("connect/token");
        assertThat(LedgerCallMeter.operation("/")).isEqualTo("other");
    }
}
