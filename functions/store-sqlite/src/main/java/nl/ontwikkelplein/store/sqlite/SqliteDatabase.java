package nl.ontwikkelplein.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * One SQLite database file in WAL mode: one writer connection, used under a lock so writers in
 * this process queue without busy-waiting, and a small pool of reader connections that read
 * consistent snapshots beside it. Write transactions are IMMEDIATE, so a writer in another process
 * (the sqlite3 shell, an admin command) never deadlocks with us; it waits up to the busy timeout.
 * The schema is created and migrated at open ({@link Migrations}).
 */
public final class SqliteDatabase implements AutoCloseable {
    /** Work inside one transaction; a RuntimeException (a domain refusal, say) rolls it back. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int READERS = 8;
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
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
            SQLiteConfig config = baseConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            Connection writer = config.createConnection(url(file));
            writer.setAutoCommit(false);
            SqliteDatabase database = new SqliteDatabase(file, writer);
            try {
                for (int i = 0; i < READERS; i++) database.addReader();
                Migrations.apply(database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite database " + file, e);
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

    private void addReader() throws SQLException {
        SQLiteConfig config = baseConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        Connection reader = config.createConnection(url(file));
        // A transaction per read: several statements see one snapshot (an offer with its sessions).
        reader.setAutoCommit(false);
        allReaders.add(reader);
        idleReaders.add(reader);
    }

    public Path file() {
        return file;
    }

    /** Runs the work in one write transaction: all of it is committed, or none. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(writer, e);
                throw new StoreException("SQLite write failed: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(writer, e);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs the work on a consistent snapshot; it must not write. */
    public <T> T read(Work<T> work) {
        ensureOpen();
        Connection reader;
        try {
            reader = idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        try {
            T result = work.run(reader);
            reader.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(reader, e);
            throw new StoreException("SQLite read failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(reader, e);
            throw e;
        } finally {
            idleReaders.add(reader);
        }
    }

    private void ensureOpen() {
        if (closed) throw new StoreException("the database " + file + " is closed", null);
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
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
