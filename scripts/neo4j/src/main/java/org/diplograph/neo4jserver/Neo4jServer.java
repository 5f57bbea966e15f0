package org.diplograph.neo4jserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * A local Neo4j 5 (community, embedded) server that speaks Bolt, for
 * development and tests of diplograph on machines without Docker.
 *
 * <p>Configuration (argument wins over environment, environment over default):
 * <ul>
 *   <li>arg 1 or NEO4J_DATA_DIR: Neo4j home directory holding data/ and logs/
 *       (default: target/data relative to the working directory)</li>
 *   <li>NEO4J_BOLT_HOST: listen host (default 127.0.0.1)</li>
 *   <li>NEO4J_BOLT_PORT: listen port (default 7687)</li>
 *   <li>NEO4J_PAGECACHE: page cache size in MiB (default 256)</li>
 * </ul>
 *
 * <p>Authentication is disabled. The process runs until killed; SIGTERM/SIGINT
 * trigger a clean shutdown of the DBMS through a JVM shutdown hook.
 */
public final class Neo4jServer {

    private Neo4jServer() {}

    public static void main(String[] args) throws Exception {
        String dataDir = args.length > 0 ? args[0] : env("NEO4J_DATA_DIR", "target/data");
        String host = env("NEO4J_BOLT_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        long pageCacheMiB = Long.parseLong(env("NEO4J_PAGECACHE", "256"));

        Path home = Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(home);

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                // Keep the test store small: no 256 MiB preallocated transaction log per database.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                // Netty's default 5 s quiet period (twice) makes every stop take ~10 s; a test server needs none.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("neo4j shutting down");
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                System.out.println("neo4j stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(3).toMillis())) {
            System.err.println("neo4j: default database did not become available");
            System.exit(1);
        }
        waitForPort(host, port, Duration.ofMinutes(1));

        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("neo4j ready on bolt://%s:%d (home %s, started in %d ms)%n", host, port, home, ms);
        System.out.flush();

        stopped.await();
    }

    private static void waitForPort(String host, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    System.err.println("neo4j: bolt port " + host + ":" + port + " not reachable: " + e);
                    System.exit(1);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String env(String name, String def) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v;
    }
}
