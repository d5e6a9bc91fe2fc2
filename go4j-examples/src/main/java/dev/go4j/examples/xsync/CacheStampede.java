package dev.go4j.examples.xsync;

import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.singleflight.Group;
import dev.go4j.singleflight.Result;
import dev.go4j.singleflight.Shared;
import dev.go4j.sync.WaitGroup;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lesson: a cache stampede, tamed with singleflight ({@link Group}, Go's {@code golang.org/x/sync/singleflight}). A
 * popular cache entry expires, and every request that wanted it goes to the database at the same moment, asking
 * the same slow query many times over, just when the database can least afford it. A singleflight group merges
 * those calls: while a call for a key is in flight, later callers for the same key do not start their own but wait
 * for the first, and all of them get its result.
 *
 * <pre>{@code
 * var flight singleflight.Group
 * v, err, shared := flight.Do("user:42", func() (any, error) { return db.Query("user:42") })
 * }</pre>
 *
 * <p>Ten goroutines ask for {@code user:42} at once, and the database counts its queries. It is slow: it answers
 * only once all ten callers have asked, which stands in for a query that takes longer than the stampede. Only one
 * query runs; every caller receives the very same row object (compared with {@code ==}, so it was not merely an
 * equal answer from a query of its own), and each result says {@code shared}.
 *
 * <p>The callers use {@code doChan}, which registers the caller with the call in flight before it returns a channel
 * for the answer, so a caller that counts itself in after {@code doChan} has certainly joined. With
 * {@code doCall} a caller joins and waits in one call, and nothing outside the group can tell that it has joined;
 * counting in just before {@code doCall} would leave a gap in which the query could answer first, and a caller
 * arriving after the answer starts a query of its own. The output would then depend on timing. {@code doChan}
 * also suits a caller that wants to stop waiting: select on the channel and on a context's {@code done()}.
 *
 * <p>Finally, one more caller asks, with {@code doCall}, after the first flight has landed. It runs a second query,
 * and its result is not shared: singleflight merges only calls that overlap, it remembers nothing. Put a cache in
 * front of it for that.
 *
 * {@snippet :
 * Shared<Row> row = flight.doCall("user:42", () -> db.query("user:42"));
 * }
 */
public final class CacheStampede {
    /** How many goroutines ask at once. */
    static final int CALLERS = 10;
    /** The key they all want. */
    static final String KEY = "user:42";

    /** A row of the database. */
    record Row(int id, String name) {
    }

    /** The slow database: counts its queries, and answers each only when {@code ready} is done. */
    static final class Database {
        private final AtomicInteger queries = new AtomicInteger();
        private final WaitGroup ready;

        Database(WaitGroup ready) {
            this.ready = ready;
        }

        /** Queries {@code key}: a new row object each time. */
        Row query(String key) {
            queries.incrementAndGet();
            ready.await();
            return new Row(Integer.parseInt(key.substring(key.indexOf(':') + 1)), "gopher");
        }

        int queries() {
            return queries.get();
        }
    }

    private CacheStampede() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(CALLERS));
    }

    /** {@code callers} goroutines ask for {@link #KEY} at once; then one more asks. */
    static void run(int callers) throws Exception {
        var asked = new WaitGroup(); // every caller has joined the flight
        asked.add(callers);
        var db = new Database(asked);
        var flight = new Group<String, Row>();

        Queue<Result<Row>> results = new ConcurrentLinkedQueue<>();
        var wg = new WaitGroup();
        for (int i = 0; i < callers; i++) {
            wg.go(() -> {
                ReceiveChan<Result<Row>> answer = flight.doChan(KEY, () -> db.query(KEY));
                asked.done(); // joined: doChan registered this caller before it returned
                results.add(answer.receive());
            });
        }
        wg.await();

        Row first = results.element().value();
        System.out.println("callers asking for " + KEY + " at once: " + callers);
        System.out.println("database queries: " + db.queries());
        System.out.println("every caller got the same object " + first + ": "
                + results.stream().allMatch(r -> r.error() == null && r.value() == first));
        System.out.println("every result says shared: " + results.stream().allMatch(Result::shared));

        Shared<Row> later = flight.doCall(KEY, () -> db.query(KEY));
        System.out.println("one more caller, after they all had their answer: " + later.value()
                + ", shared=" + later.shared() + ", same object: " + (later.value() == first));
        System.out.println("database queries: " + db.queries());
    }
}
