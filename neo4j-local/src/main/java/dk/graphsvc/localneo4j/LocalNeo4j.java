package dk.graphsvc.localneo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j Community DBMS, embedded, serving Bolt on 127.0.0.1 only.
 *
 * <p>Usage: {@code LocalNeo4j --data DIR --port N [--pagecache-mb N] [--watch-stdin]}.
 * A password is read from the environment variable {@code NEO4J_LOCAL_PASSWORD}; without it
 * authentication is off, which is safe only because the server listens on loopback.
 *
 * <p>Protocol with the parent process (graphsvc's Python side): one line {@code READY <bolt-uri>}
 * on stdout once the default database accepts transactions; on failure one line
 * {@code ERROR <plain sentence>} and exit code 2. With {@code --watch-stdin} the server stops
 * when its stdin closes, so it never outlives a parent that died without cleaning up.
 * SIGTERM and SIGINT stop it cleanly through a shutdown hook.
 */
public final class LocalNeo4j {

    private LocalNeo4j() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        DatabaseManagementService dbms;
        try {
            dbms = start(options);
        } catch (Throwable e) {
            fail(explain(e, options));
            return;
        }
        DatabaseManagementService running = dbms;
        Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("Neo4j did not become available within 2 minutes; see " + options.data.resolve("logs"));
            return;
        }
        try {
            if (options.password != null) {
                Passwords.set(dbms, options.password);
            }
        } catch (RuntimeException e) {
            fail("could not set the Neo4j password: " + e.getMessage());
            return;
        }
        System.out.println("READY bolt://127.0.0.1:" + options.port);
        System.out.flush();

        if (options.watchStdin) {
            waitForEof(System.in);
            System.exit(0); // runs the shutdown hook
        }
        // Otherwise the Bolt threads keep the JVM alive until a signal arrives.
    }

    static DatabaseManagementService start(Options options) throws IOException {
        Files.createDirectories(options.data);
        return new DatabaseManagementServiceBuilder(options.data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, options.password != null)
                // Without this every fresh store preallocates ~0.5 GB of empty transaction logs.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(options.pagecacheMb))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .build();
    }

    /** One plain sentence for the failures a user can fix; the cause's own message otherwise. */
    static String explain(Throwable e, Options options) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.net.BindException || message.contains("Address already in use")) {
                return "port " + options.port + " on 127.0.0.1 is already in use; stop what uses it"
                        + " or choose another port (NEO4J_LOCAL_PORT)";
            }
            if (message.contains("lock") && message.toLowerCase().contains("store")) {
                return "the data folder " + options.data + " is in use by another Neo4j;"
                        + " stop it first (graphsvc db stop)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Neo4j could not start: " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static void waitForEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // The parent writes nothing; reading only detects that it went away.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as EOF.
        }
    }

    static void fail(String sentence) {
        System.out.println("ERROR " + sentence.replace('\n', ' '));
        System.out.flush();
        System.exit(2);
    }

    /** Command-line options; the password comes from the environment so it never shows in `ps`. */
    static final class Options {
        Path data;
        int port = 7687;
        long pagecacheMb = 128;
        boolean watchStdin;
        String password;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--data" -> o.data = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--port" -> o.port = number(value(args, ++i, arg), arg);
                    case "--pagecache-mb" -> o.pagecacheMb = number(value(args, ++i, arg), arg);
                    case "--watch-stdin" -> o.watchStdin = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.data == null) {
                throw new IllegalArgumentException("--data DIR is required");
            }
            if (o.port < 1 || o.port > 65535) {
                throw new IllegalArgumentException("--port must be between 1 and 65535");
            }
            Map<String, String> env = System.getenv();
            String password = env.get("NEO4J_LOCAL_PASSWORD");
            if (password != null && !password.isEmpty()) {
                if (password.length() < 8) {
                    throw new IllegalArgumentException("NEO4J_LOCAL_PASSWORD must have at least 8 characters");
                }
                o.password = password;
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int number(String text, String name) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, not " + text);
            }
        }
    }
}
