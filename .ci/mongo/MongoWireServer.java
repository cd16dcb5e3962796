// Standalone launcher for de.bwaldvogel:mongo-java-server (memory or H2 backend).
// java -cp "$CP" MongoWireServer.java [--host 127.0.0.1] [--port 27017] [--h2 FILE] [--oplog] [--wire N] [--fake-transactions]
//   --oplog              needed for change streams (Model.watch)
//   --wire N             advertised maxWireVersion (library default 8; Node driver 7.x / mongoose 9 needs >= 9)
//   --fake-transactions  advertise sessions and answer commit/abortTransaction with ok:1; writes apply
//                        immediately and abort does NOT roll back
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

public class MongoWireServer {

    static boolean fakeTransactions = false;

    static Document patch(String command, Document response) {
        if (fakeTransactions && (command.equalsIgnoreCase("ismaster") || command.equalsIgnoreCase("hello"))) {
            response.put("logicalSessionTimeoutMinutes", 30);
        }
        return response;
    }

    // The library checks whether a collection exists and then creates it without a lock, so two clients creating
    // one collection at once (two replicas starting together, explicitly or by a first write) can both create it:
    // the H2 backend then keeps documents whose _id index entry is lost, and every later update of them fails with
    // "Expected one element but got zero". An index built while a document is inserted breaks the insert too
    // (ConcurrentModificationException). So commands that change collections or indexes, and writes that may create
    // a collection not yet known to exist, run alone; every other command runs alongside the others.
    static final Set<String> SCHEMA = Set.of("create", "createindexes", "drop", "dropdatabase", "dropindexes");
    static final Set<String> MAY_CREATE = Set.of("insert", "update", "findandmodify");
    static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock();
    static final Set<String> existing = ConcurrentHashMap.newKeySet();

    static Document handle(String db, String command, Document query, Supplier<Document> call) {
        Document t = txnCommand(command);
        if (t != null) {
            return t;
        }
        String name = command.toLowerCase();
        String key = query.get(command) instanceof String collection ? db + "." + collection : null;
        boolean creates = MAY_CREATE.contains(name) || name.startsWith("create");
        boolean alone = SCHEMA.contains(name) || (creates && key != null && !existing.contains(key));
        Lock lock = alone ? LOCK.writeLock() : LOCK.readLock();
        lock.lock();
        try {
            Document response = call.get();
            if (name.startsWith("drop")) {
                existing.removeIf(known -> known.startsWith(db + "."));
            } else if (creates && key != null) {
                existing.add(key);
            }
            return patch(command, response);
        } finally {
            lock.unlock();
        }
    }

    static Document txnCommand(String command) {
        if (fakeTransactions && (command.equals("commitTransaction") || command.equals("abortTransaction"))) {
            Document ok = new Document();
            ok.put("ok", 1.0);
            return ok;
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 27017;
        String h2File = null;
        boolean oplog = false;
        int wire = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--h2" -> h2File = args[++i];
                case "--oplog" -> oplog = true;
                case "--wire" -> wire = Integer.parseInt(args[++i]);
                case "--fake-transactions" -> fakeTransactions = true;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        MongoBackend backend = (h2File == null)
            ? new MemoryBackend() {
                @Override
                public Document handleCommand(Channel ch, String db, String command, Document query) {
                    return handle(db, command, query, () -> super.handleCommand(ch, db, command, query));
                }
            }
            : new H2Backend(h2File) {
                @Override
                public Document handleCommand(Channel ch, String db, String command, Document query) {
                    return handle(db, command, query, () -> super.handleCommand(ch, db, command, query));
                }
            };
        if (wire > 0) {
            final int w = wire;
            backend.version(new MongoVersion() {
                @Override
                public List<Integer> getVersionArray() {
                    return w >= 9 ? List.of(4, 4, 0) : List.of(4, 2, 0);
                }

                @Override
                public int getWireVersion() {
                    return w;
                }
            });
        }
        MongoServer server = new MongoServer(backend);
        if (oplog) {
            server.enableOplog();
        }
        server.bind(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        System.out.println("mongo-java-server listening on " + host + ":" + port
            + (h2File == null ? " (memory)" : " (h2 " + h2File + ")")
            + (oplog ? " +oplog" : "") + (wire > 0 ? " wire=" + wire : "")
            + (fakeTransactions ? " +fake-transactions" : ""));
        Thread.currentThread().join();
    }
}
