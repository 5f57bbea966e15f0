package org.diplograph.neo4jserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.ssl.ClientAuth;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;
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
 *   <li>NEO4J_TLS_DIR: when set, Bolt also accepts TLS (plain connections
 *       still work), with the key and certificate in that directory
 *       (private.key, public.crt); a self-signed pair for 127.0.0.1 and
 *       localhost is made with keytool when they are missing</li>
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
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        String tlsDir = env("NEO4J_TLS_DIR", "");
        if (!tlsDir.isEmpty()) {
            enableTls(builder, Path.of(tlsDir).toAbsolutePath().normalize());
        }
        DatabaseManagementService dbms = builder
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(host, port))
                .setConfig(BoltConnector.encryption_level, tlsDir.isEmpty()
                        ? BoltConnector.EncryptionLevel.DISABLED : BoltConnector.EncryptionLevel.OPTIONAL)
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

    /** Bolt's TLS policy: the key pair in dir, made first when missing; no client certificates. */
    private static void enableTls(DatabaseManagementServiceBuilder builder, Path dir) throws Exception {
        Path key = dir.resolve("private.key");
        Path cert = dir.resolve("public.crt");
        if (!Files.exists(key) || !Files.exists(cert)) {
            selfSigned(dir, key, cert);
        }
        SslPolicyConfig bolt = SslPolicyConfig.forScope(SslPolicyScope.BOLT);
        builder.setConfig(bolt.enabled, true)
                .setConfig(bolt.base_directory, dir)
                .setConfig(bolt.private_key, key)
                .setConfig(bolt.public_certificate, cert)
                .setConfig(bolt.client_auth, ClientAuth.NONE);
    }

    /** Makes a self-signed RSA key pair for 127.0.0.1 and localhost with the JDK's keytool, as PEM files. */
    private static void selfSigned(Path dir, Path key, Path cert) throws Exception {
        Files.createDirectories(dir);
        Path store = dir.resolve("bolt.p12");
        Files.deleteIfExists(store);
        char[] pass = "diplograph-test".toCharArray();
        Process p = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bolt", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(pass))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, pass);
        }
        Key k = ks.getKey("bolt", pass);
        Certificate c = ks.getCertificate("bolt");
        Files.writeString(key, pem("PRIVATE KEY", k.getEncoded()));
        Files.writeString(cert, pem("CERTIFICATE", c.getEncoded()));
        Files.delete(store);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
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
