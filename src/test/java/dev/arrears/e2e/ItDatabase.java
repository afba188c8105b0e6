package dev.arrears.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own for one integration test, beside the one the build tests with (same
 * server and credentials as {@code QUARKUS_DATASOURCE_JDBC_URL}). Every name takes the suffix from
 * {@code -Darrears.it.db-suffix} or {@code ARREARS_IT_DB_SUFFIX} (default none), so two builds on
 * one server never share a database: {@code arrears_e2e} becomes {@code arrears_e2e_crash}.
 */
final class ItDatabase {

    private final String server;
    private final String name;
    private final String user;
    private final String password;

    private ItDatabase(String server, String name, String user, String password) {
        this.server = server;
        this.name = name;
        this.user = user;
        this.password = password;
    }

    /** The database {@code base} + suffix, created when missing. */
    static ItDatabase named(String base) throws SQLException {
        String url = System.getenv().getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", TestDatabaseSession.DEFAULT_URL);
        int q = url.indexOf('?');
        String plain = q < 0 ? url : url.substring(0, q);
        ItDatabase db = new ItDatabase(plain.substring(0, plain.lastIndexOf('/') + 1), base + suffix(),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres"),
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres"));
        db.createIfMissing();
        return db;
    }

    static String suffix() {
        String s = System.getProperty("arrears.it.db-suffix");
        if (s == null || s.isBlank()) {
            s = System.getenv().getOrDefault("ARREARS_IT_DB_SUFFIX", "");
        }
        if (!s.matches("[A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("arrears.it.db-suffix may hold letters, digits and _ only, was '" + s + "'");
        }
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    String name() {
        return name;
    }

    String url() {
        return server + name;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Drops every table (the schema {@code public}), so the daemon's Flyway starts from nothing. */
    void empty() throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), user, password); var s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }

    private void createIfMissing() throws SQLException {
        createIfMissing(server, name, user, password);
    }

    /** Creates {@code name} on {@code server} ({@code jdbc:postgresql://host:port/}) unless it exists. */
    static void createIfMissing(String server, String name, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + name);
                }
            }
        }
    }
}
