package nl.ontwikkelplein.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Where an event source mapping is in each shard, kept in a small properties file in the data
 * directory so a restart resumes right after the last delivered record. Per shard the value is a
 * sequence number, {@link #LATEST} (started at the tip, nothing delivered yet) or {@link #DONE}
 * (the shard is closed and fully delivered).
 */
final class StreamCheckpoints {

    static final String LATEST = "LATEST";
    static final String DONE = "DONE";

    private final Path file;
    private final Properties positions = new Properties();
    private final boolean existed;

    StreamCheckpoints(Path file) {
        this.file = file;
        this.existed = Files.isRegularFile(file);
        if (existed) {
            try (Reader reader = Files.newBufferedReader(file)) {
                positions.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read stream checkpoints " + file, e);
            }
        }
    }

    /** False on the very first start of this mapping: then it begins at its StartingPosition. */
    boolean existed() {
        return existed;
    }

    String get(String shardId) {
        return positions.getProperty(shardId);
    }

    void put(String shardId, String position) {
        positions.setProperty(shardId, position);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                positions.store(writer, "last delivered sequence number per shard");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stream checkpoints " + file, e);
        }
    }
}
