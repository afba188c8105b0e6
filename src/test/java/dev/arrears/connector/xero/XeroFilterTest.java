package dev.arrears.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XeroFilterTest {

    @Test
    void a_quote_in_a_code_stays_inside_the_filter_string() {
        assertThat(XeroApi.equalsFilter("Code", "NOPE\" OR Code!=\"x")).isEqualTo("Code==\"NOPE\\\" OR Code!=\\\"x\"");
        assertThat(XeroApi.equalsFilter("Code", "a\\\"b")).isEqualTo("Code==\"a\\\\\\\"b\"");
        assertThat(XeroApi.equalsFilter("TaxType", "OUTPUT2")).isEqualTo("TaxType==\"OUTPUT2\"");
    }
}
