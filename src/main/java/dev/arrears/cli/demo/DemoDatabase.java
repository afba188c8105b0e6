package dev.arrears.cli.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's database, made ready before Quarkus boots so that {@code java -jar quarkus-run.jar demo}
 * needs nothing exported: created on its server when missing, and a plain sentence (never a stack
 * trace) when no PostgreSQL answers. Runs with the JDBC driver alone, outside any datasource.
 */
final class DemoDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/arrears_demo";
    static final String DEFAULT_USER = "postgres";

    private DemoDatabase() {
    }

    /**
     * Creates {@code url}'s database when it does not exist yet.
     *
     * @return empty when the database is there, or what to tell the person running the demo
     */
    static Optional<String> ensure(String url, String user, String password) {
        String database = DemoCommand.databaseName(url);
        if (!database.matches("[A-Za-z0-9_]+")) {
            return Optional.of("the demo's database name may hold letters, digits and _ only, was '" + database + "'");
        }
        String server = serverOf(url);
        Properties login = new Properties();
        login.setProperty("user", user);
        if (password != null) {
            login.setProperty("password", password);
        }
        login.setProperty("connectTimeout", "5");
        try (Connection c = DriverManager.getConnection(server + "postgres", login);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + database);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(explain(e, server, user));
        }
    }

    private static String explain(SQLException e, String server, String user) {
        String where = server.substring("jdbc:postgresql://".length(), server.length() - 1);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "no PostgreSQL answers at " + where + ". Start one (your system's service, or `docker compose up -d db`"
                    + " in this folder), or point QUARKUS_DATASOURCE_JDBC_URL at one, e.g. "
                    + "jdbc:postgresql://db.example:5432/arrears_demo";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "PostgreSQL at " + where + " refused user '" + user + "': set QUARKUS_DATASOURCE_USERNAME and"
                    + " QUARKUS_DATASOURCE_PASSWORD to a user that may create databases";
        }
        return "PostgreSQL at " + where + " answered: " + e.getMessage();
    }

    /** {@code jdbc:postgresql://host:port/} of a URL naming a database (parameters dropped). */
    static String serverOf(String url) {
        int q = url.indexOf('?');
        String plain = q < 0 ? url : url.substring(0, q);
        return plain.substring(0, plain.lastIndexOf('/') + 1);
    }
}
