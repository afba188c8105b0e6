package dev.arrears.application.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerPayLinksTest {

    @Test
    void only_an_https_link_goes_into_an_email() {
        assertThat(LedgerPayLinks.usable("https://in.xero.com/abc")).contains("https://in.xero.com/abc");
        assertThat(LedgerPayLinks.usable("http://in.xero.com/abc")).isEmpty();
        assertThat(LedgerPayLinks.usable("javascript:alert(1)")).isEmpty();
        assertThat(LedgerPayLinks.usable("not a link")).isEmpty();
        assertThat(LedgerPayLinks.usable("")).isEmpty();
        assertThat(LedgerPayLinks.usable(null)).isEmpty();
    }
}
