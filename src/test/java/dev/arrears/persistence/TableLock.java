package dev.arrears.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Holds a table in EXCLUSIVE mode (reads go on, writes wait) so a test can look at what other
 * sessions see while a use case waits on its write to that table, then lets go.
 */
public final class TableLock implements AutoCloseable {

    private final String table;
    private final Connection holder;
    private final Connection observer;

    private TableLock(String table, Connection holder, Connection observer) {
        this.table = table;
        this.holder = holder;
        this.observer = observer;
    }

    /** A count before some work starts, and again while the work waits to write to the locked table. */
    public record Seen<T>(long before, long whileWriting, CompletableFuture<T> work) {
    }

    /** Starts {@code work} with {@code table} locked and counts {@code countSql} before it and while it waits to write. */
    public static <T> Seen<T> whileWriterWaits(DataSource dataSource, String table, String countSql,
                                               Supplier<CompletableFuture<T>> work) throws SQLException {
        try (TableLock lock = exclusive(dataSource, table)) {
            long before = lock.count(countSql);
            CompletableFuture<T> started = work.get();
            lock.awaitWriterBlocked(started);
            return new Seen<>(before, lock.count(countSql), started);
        }
    }

    private static TableLock exclusive(DataSource dataSource, String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement lock = holder.createStatement()) {
            lock.execute("lock table " + table + " in exclusive mode");
        }
        return new TableLock(table, holder, dataSource.getConnection());
    }

    /** A count, as any other session sees it now (committed rows only). */
    private long count(String sql) throws SQLException {
        try (Statement st = observer.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits, at most 30 s, until another session waits for this lock; fails if {@code work} ends first. */
    private void awaitWriterBlocked(Future<?> work) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String blocked = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query ilike '%" + table + "%' and pid <> pg_backend_pid()";
        while (count(blocked) == 0) {
            assertThat(work).as("the work ended before it wrote to " + table).isNotDone();
            assertThat(System.nanoTime()).as("the work never reached its write to " + table).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() throws SQLException {
        try (holder; observer) {
            holder.rollback();
        }
    }
}
