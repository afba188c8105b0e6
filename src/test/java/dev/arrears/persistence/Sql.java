package dev.arrears.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for tests that must look at (or tamper with) the tables behind the adapters' backs. */
@ApplicationScoped
class Sql {

    private final AgroalDataSource dataSource;

    Sql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    int update(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, params)) {
            return st.executeUpdate();
        }
    }

    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = prepare(c, sql, params);
             ResultSet rs = st.executeQuery()) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Runs a Flyway migration of src/main/resources/db/migration again, statement by statement, on rows a test put
     * back in their pre-migration shape (the migration itself ran on the empty tables at start).
     */
    void runMigration(String fileName) throws SQLException, IOException {
        String script;
        try (InputStream in = Sql.class.getResourceAsStream("/db/migration/" + fileName)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String statement : script.split(";")) {
            if (!statement.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                update(statement);
            }
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return ((Number) rows(sql, params).getFirst().getFirst()).longValue();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
        return st;
    }
}
