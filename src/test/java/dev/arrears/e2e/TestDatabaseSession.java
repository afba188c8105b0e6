package dev.arrears.e2e;

import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test starts, creates the database the tests use when it is missing, so that
 * {@code ./mvnw -B verify} runs on a fresh machine with nothing but a PostgreSQL server: the
 * default of the test profile ({@code jdbc:postgresql://localhost:5432/arrears_test}, user and
 * password {@code postgres}) or whatever {@code QUARKUS_DATASOURCE_*} names. When no PostgreSQL
 * answers it does nothing: the first test that needs one then says so.
 */
public class TestDatabaseSession implements LauncherSessionListener {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/arrears_test";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String url = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", DEFAULT_URL);
        int q = url.indexOf('?');
        String plain = q < 0 ? url : url.substring(0, q);
        String name = plain.substring(plain.lastIndexOf('/') + 1);
        if (!plain.startsWith("jdbc:postgresql://") || !name.matches("[A-Za-z0-9_]+")) {
            return;
        }
        try {
            ItDatabase.createIfMissing(plain.substring(0, plain.lastIndexOf('/') + 1), name,
                    System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                    System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres"));
        } catch (SQLException e) {
            System.err.println("Could not make sure the test database " + name + " exists: " + e.getMessage());
        }
    }
}
