package dev.arrears.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XeroFilterTest {

    @Test
    void a_quote_in_a_code_stays_inside_the_filter_string() {
        assertThat(XeroClient.equalsFilter("Code", "NOPE\" OR Code!=\"x")).isEqualTo("Code==\"NOPE\\\" OR Code!=\\\"x\"");
        assertThat(XeroClient.equalsFilter("Code", "a\\\"b")).isEqualTo("Code==\"a\\\\\\\"b\"");
        assertThat(XeroClient.equalsFilter("TaxType", "OUTPUT2")).isEqualTo("TaxType==\"OUTPUT2\"");
    }
}
