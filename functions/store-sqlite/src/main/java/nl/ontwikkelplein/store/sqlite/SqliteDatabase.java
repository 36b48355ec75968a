package nl.ontwikkelplein.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One SQLite database file in WAL mode: one writer connection, used under a lock so writers in
 * this process queue without busy-waiting (a barging lock, not a fair one: a fair lock hands over
 * to a parked thread at every commit, and on a busy machine each handover waits for the scheduler;
 * an import of 10,000 offers beside the site builder took 28 s so, 20 s without; a writer waits at
 * most {@link #WRITER_WAIT_MILLIS}), and a small pool of read-only connections that read
 * consistent snapshots beside it. Every connection stays in auto-commit mode between units of
 * work, and each unit opens its own transaction: {@code BEGIN IMMEDIATE} for a write (so a writer
 * in another process, the sqlite3 shell or an admin command, never deadlocks with us: it waits up
 * to the busy timeout, and gets its turn between our transactions), {@code BEGIN} for a read. (The
 * driver's own transaction handling would begin the next transaction right after each commit and
 * hold the write lock all the time.) The schema is created and migrated at open ({@link Migrations}).
 */
public final class SqliteDatabase implements AutoCloseable {
    /** Work inside one transaction; a RuntimeException (a domain refusal, say) rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int READERS = 8;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final long READER_WAIT_SECONDS = 30;
    /** A writer's longest wait for its turn: the barging lock has no order, so its waits get a bound (and a clear error). */
    static final long WRITER_WAIT_MILLIS = 60_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static SqliteDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
        SqliteDatabase database = null;
        try {
            SQLiteConfig config = baseConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            database = new SqliteDatabase(file, config.createConnection(url(file)));
            for (int i = 0; i < READERS; i++) database.addReader();
            Migrations.apply(database);
            return database;
        } catch (SQLException | RuntimeException e) {
            if (database != null) database.close();
            if (e instanceof SQLException sql) throw new StoreException("cannot open the SQLite database " + file + ": " + sql.getMessage(), sql);
            throw (RuntimeException) e;
        }
    }

    private static SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // Durable across a crash of this process; a power cut may lose the last transactions (fine locally).
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private Connection newReader() throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        return config.createConnection(url(file));
    }

    private void addReader() throws SQLException {
        Connection reader = newReader();
        allReaders.add(reader);
        idleReaders.add(reader);
    }

    public Path file() {
        return file;
    }

    /** Runs the work in one write transaction: all of it is committed, or none. */
    public <T> T write(Work<T> work) {
        return write(work, WRITER_WAIT_MILLIS);
    }

    <T> T write(Work<T> work, long waitMillis) {
        if (writeLock.isHeldByCurrentThread())
            throw new IllegalStateException("a write inside a write: it would commit the outer one halfway");
        try {
            if (!writeLock.tryLock(waitMillis, TimeUnit.MILLISECONDS))
                throw new StoreException("no turn to write in " + waitMillis + " ms: another write holds the database (one that never ends?)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to write", e);
        }
        try {
            ensureOpen();
            return inTransaction(writer, "BEGIN IMMEDIATE", work, "write");
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs the work on a consistent snapshot; it must not write. */
    public <T> T read(Work<T> work) {
        ensureOpen();
        Connection reader;
        try {
            reader = idleReaders.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        if (reader == null) throw new StoreException("no database connection free for " + READER_WAIT_SECONDS + " s (reads nested too deep?)", null);
        try {
            return inTransaction(reader, "BEGIN", work, "read");
        } finally {
            idleReaders.add(reader);
        }
    }

    private static <T> T inTransaction(Connection c, String begin, Work<T> work, String what) {
        try {
            begin(c, begin);
        } catch (SQLException first) {
            // A transaction left open by a rollback that failed earlier: end it, begin once more.
            rollbackQuietly(c, first);
            try {
                begin(c, begin);
            } catch (SQLException e) {
                throw new StoreException("SQLite " + what + " could not begin: " + e.getMessage(), e);
            }
        }
        T result;
        try {
            result = work.run(c);
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw new StoreException("SQLite " + what + " failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(c, e);
            throw e;
        }
        try (Statement s = c.createStatement()) {
            s.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw new StoreException("SQLite " + what + " could not commit: " + e.getMessage(), e);
        }
        return result;
    }

    private static void begin(Connection c, String begin) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(begin);
        }
    }

    private void ensureOpen() {
        if (closed) throw new StoreException("the database " + file + " is closed", null);
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        writeLock.lock();
        try {
            for (Connection reader : allReaders) closeQuietly(reader);
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }
}
