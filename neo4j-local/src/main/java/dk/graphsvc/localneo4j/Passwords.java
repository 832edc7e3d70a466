package dk.graphsvc.localneo4j;

import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;

/** Sets the password of the built-in {@code neo4j} user, so Bolt clients can log in with it. */
final class Passwords {

    private Passwords() {}

    static void set(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database("system");
        // Embedded transactions run with full rights, so no login is needed to change the
        // password; CHANGE NOT REQUIRED lets Bolt clients use it straight away.
        try (Transaction tx = system.beginTx()) {
            tx.execute("ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            tx.commit();
        }
    }
}
