package dev.arrears.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DemoDatabaseTest {

    /** The server the build tests against (same as the integration tests'); a database of this test's own on it. */
    private static final String SERVER = DemoDatabase.serverOf(System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL",
            "jdbc:postgresql://127.0.0.1:5432/arrears_test"));
    private static final String USER = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres");

    @Test
    void theDemoCreatesItsDatabaseWhenItIsMissing() throws Exception {
        String name = "arrears_demo_created" + System.getenv().getOrDefault("ARREARS_IT_DB_SUFFIX", "").toLowerCase(Locale.ROOT);
        try (var c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD); var s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }

        assertThat(DemoDatabase.ensure(SERVER + name, USER, PASSWORD)).isEmpty();
        assertThat(DemoDatabase.ensure(SERVER + name, USER, PASSWORD)).as("a second start finds it").isEmpty();

        try (var c = DriverManager.getConnection(SERVER + name, USER, PASSWORD)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void noPostgreSqlAnsweringGivesASentenceSayingWhatToDo() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }

        assertThat(DemoDatabase.ensure("jdbc:postgresql://127.0.0.1:" + closed + "/arrears_demo", "postgres", null))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("no PostgreSQL answers at 127.0.0.1:" + closed)
                        .contains("QUARKUS_DATASOURCE_JDBC_URL")
                        .doesNotContain("Exception"));
    }

    @Test
    void aDatabaseNameThatIsNotAPlainIdentifierIsRefusedBeforeAnySql() {
        assertThat(DemoDatabase.ensure("jdbc:postgresql://127.0.0.1:1/arrears_demo;drop", "postgres", null))
                .hasValueSatisfying(message -> assertThat(message).contains("letters, digits and _"));
    }
}
