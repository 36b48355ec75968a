package nl.ontwikkelplein.local;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DynamoDB Local 3.x (package {@code software.amazon.dynamodb}) in this JVM, listening on
 * 127.0.0.1, one shared database file under the data directory.
 *
 * <p>DynamoDB Local binds all interfaces and has no option for the host. Its Jetty server is a
 * private field of {@link DynamoDBProxyServer}; we reach in once, before start, and set the
 * connector's host to loopback, so a developer's laptop does not serve its database to the cafe
 * network. If a future version renames the field this fails at start, not silently.
 */
final class LocalDynamo implements AutoCloseable {

    private final DynamoDBProxyServer server;

    private LocalDynamo(DynamoDBProxyServer server) {
        this.server = server;
    }

    static LocalDynamo start(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[]{
                "-port", Integer.toString(port),
                "-dbPath", dataDir.toString(),
                "-sharedDb", // one database for every access key and region
                "-disableTelemetry"});
        bindToLoopback(server);
        // safeStart throws when the port is taken; start() would only print and carry on.
        server.safeStart();
        return new LocalDynamo(server);
    }

    private static void bindToLoopback(DynamoDBProxyServer proxy) throws IOException {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Server jetty = (Server) field.get(proxy);
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(LocalConfig.HOST);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot bind DynamoDB Local to " + LocalConfig.HOST + " (internals changed?)", e);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
