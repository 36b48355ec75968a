package nl.ontwikkelplein.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.local.fixtures.StreamRecorder;
import nl.ontwikkelplein.store.sqlite.ChangeLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** Stop and start again on the same data directory: data, objects and the stream position are kept. */
class RestartTest {

    @TempDir
    Path data;

    @Test
    void dataObjectsAndStreamPositionSurviveARestart() throws Exception {
        try (TestStack stack = TestStack.start(TestStack.testTemplate(), data, Map.of())) {
            assertTrue(stack.stack().freshDataDir());
            stack.stack().stores().catalog().saveOrganisation(new Organisation("blijft", "Bibliotheek Blijft", null));
            stack.stack().changeLog().append("TestTable", "INSERT", ChangeLog.keys("before-restart", "ITEM"), null, null, false);
            stack.stack().s3().putObject(b -> b.bucket("ontwikkelplein-sitebucket").key("kept/index.html").contentType("text/html"),
                    RequestBody.fromString("<p>nog hier</p>"));
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> StreamRecorder.deliveriesOf("before-restart").size() == 1));

            stack.restart();

            assertFalse(stack.stack().freshDataDir());
            assertEquals(List.of(new Organisation("blijft", "Bibliotheek Blijft", null)), stack.stack().stores().catalog().organisations());
            assertEquals("<p>nog hier</p>", stack.get("/kept/").body());
            assertEquals(200, stack.get("/kept/").statusCode());

            stack.stack().changeLog().append("TestTable", "INSERT", ChangeLog.keys("after-restart", "ITEM"), null, null, false);
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> StreamRecorder.deliveriesOf("after-restart").size() == 1),
                    "a change after the restart is delivered");
            assertEquals(1, StreamRecorder.deliveriesOf("before-restart").size(), "the restart resumes after the last delivered record");
        }
    }

    @Test
    void aChangeWrittenWhileStoppedIsDeliveredAtTheNextStart() throws Exception {
        try (TestStack stack = TestStack.start(TestStack.testTemplate(), data, Map.of())) {
            stack.stack().stop();
            // Another process (an admin command, the sqlite3 shell) writes while the stack is down.
            try (var database = nl.ontwikkelplein.store.sqlite.SqliteDatabase.open(stack.config().databaseFile())) {
                new ChangeLog(database, java.time.Clock.systemUTC()).append("TestTable", "INSERT", ChangeLog.keys("while-stopped", "ITEM"), null, null, false);
            }
            stack.restart();
            assertTrue(TestStack.await(Duration.ofSeconds(10), () -> StreamRecorder.deliveriesOf("while-stopped").size() == 1));
        }
    }
}
