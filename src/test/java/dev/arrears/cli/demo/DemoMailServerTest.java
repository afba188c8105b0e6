package dev.arrears.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;

/** The demo's embedded SMTP server takes mail on the loopback interface, and says clearly when its port is taken. */
class DemoMailServerTest {

    @Test
    void takesMailOnLoopbackAndRefusesATakenPort() {
        DemoMailServer server = DemoMailServer.start(0);
        try {
            GreenMailUtil.sendTextEmail("ap@customer.example", "accounts@acme.example", "Invoice INV-1 is now overdue", "text",
                    new ServerSetup(server.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            assertThat(server.received()).isEqualTo(1);
            assertThatThrownBy(() -> DemoMailServer.start(server.port())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port());
        } finally {
            server.stop();
        }
    }
}
