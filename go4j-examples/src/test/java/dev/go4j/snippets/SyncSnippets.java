package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Result;
import dev.go4j.WaitReason;
import dev.go4j.sync.Cond;
import dev.go4j.sync.Locker;
import dev.go4j.sync.Mutex;
import dev.go4j.sync.Once;
import dev.go4j.sync.RWMutex;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import dev.go4j.testsupport.GoTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The examples of package {@code dev.go4j.sync}. */
class SyncSnippets {
    /** Guarded by the mutex of the package example. */
    private long balance = 100;
    /** Guarded by the mutex of the {@code Locker.Held} example. */
    private int counter;

    @Output("balance: 150")
    void deposit() {
        deposit(50);
        System.out.println("balance: " + balance);
    }

    void deposit(long amount) {
        // @start region="package"
        var mu = new Mutex();
        try (var held = mu.locked()) { // Go: mu.Lock(); defer mu.Unlock()
            balance += amount;
        }
        // @end
    }

    @Output("100")
    void mutex() {
        var c = new Counter();
        var wg = new WaitGroup();
        for (int i = 0; i < 100; i++) {
            wg.go(c::increment);
        }
        wg.await();
        System.out.println(c.n);
    }

    // @start region="mutex"
    final class Counter {
        private final Mutex mu = new Mutex();
        private int n; // guarded by mu

        void increment() {
            try (var held = mu.locked()) {
                n++;
            }
        }
    }
    // @end

    @Output("""
            go: 1.27
            java: null
            """)
    void rwMutex() {
        var r = new Registry();
        var wg = new WaitGroup();
        wg.go(() -> r.put("go", "1.27"));
        wg.await();
        System.out.println("go: " + r.get("go"));
        System.out.println("java: " + r.get("java"));
    }

    // @start region="rw-mutex"
    final class Registry {
        private final RWMutex mu = new RWMutex();
        private final Map<String, String> entries = new HashMap<>(); // guarded by mu

        String get(String key) {
            try (var held = mu.rLocked()) {
                return entries.get(key);
            }
        }

        void put(String key, String value) {
            try (var held = mu.locked()) {
                entries.put(key, value);
            }
        }
    }
    // @end

    /** The taker is waiting in {@code await()} before anything is put. */
    @Output("took hello")
    void cond() {
        var q = new Queue();
        Chan<String> taken = Chan.make(1);
        go(() -> taken.send(q.take()));
        GoTesting.awaitBlocked(q.nonEmpty, WaitReason.SYNC_COND_WAIT, 1);
        q.put("hello");
        System.out.println("took " + taken.receive());
    }

    final class Queue {
        // @start region="cond"
        final Mutex mu = new Mutex();
        final Cond nonEmpty = new Cond(mu);
        final Deque<String> queue = new ArrayDeque<>(); // guarded by mu

        String take() {
            try (var held = mu.locked()) {
                while (queue.isEmpty()) {
                    nonEmpty.await(); // unlocks mu while it waits, locks it again before it returns
                }
                return queue.removeFirst();
            }
        }

        void put(String s) {
            try (var held = mu.locked()) {
                queue.addLast(s);
            }
            nonEmpty.signal();
        }
        // @end
    }

    @Output("""
            loading go4j.conf
            go4j.conf
            go4j.conf
            """)
    void once() {
        var app = new App();
        System.out.println(app.config().file());
        System.out.println(app.config().file());
    }

    /** The configuration of the {@code Once} examples. */
    record Config(String file) {
        static Config load() {
            System.out.println("loading go4j.conf");
            return new Config("go4j.conf");
        }
    }

    final class App {
        // @start region="once"
        private final Once loadOnce = new Once();
        private Config config; // written once, by load

        Config config() {
            loadOnce.run(this::load);
            return config;
        }
        // @end

        private void load() {
            config = Config.load();
        }
    }

    @Output("""
            loading go4j.conf
            the same config: true
            the same failure: true, Err[error=java.nio.file.NoSuchFileException: no-such-key-file]
            """)
    void onceValues() {
        System.out.println("the same config: " + (Lazy.CONFIG.get() == Lazy.CONFIG.get()));
        Result<byte[]> key = Lazy.KEY.get();
        System.out.println("the same failure: " + (Lazy.KEY.get() == key) + ", " + key);
    }

    static final class Lazy {
        static final Path KEY_FILE = Path.of("no-such-key-file");

        // @start region="once-values"
        static final Supplier<Config> CONFIG = Once.onceValue(Config::load);
        static final Supplier<Result<byte[]>> KEY = Once.onceValues(() -> Files.readAllBytes(KEY_FILE));
        // @end
    }

    @Output("from: 70, to: 30")
    void locker() {
        var from = new Account(100);
        var to = new Account(0);
        transfer(new Mutex(), from, to, 30);
        System.out.println("from: " + from.balance + ", to: " + to.balance);
    }

    /** An account of the {@code Locker} example; its balance is guarded by the lock given to transfer. */
    static final class Account {
        long balance;

        Account(long balance) {
            this.balance = balance;
        }
    }

    // @start region="locker"
    void transfer(Locker lock, Account from, Account to, long amount) {
        try (var held = lock.locked()) {
            from.balance -= amount;
            to.balance += amount;
        }
    }
    // @end

    @Output("1")
    void held() {
        var mu = new Mutex();
        // @start region="held"
        try (Locker.Held held = mu.locked()) {
            counter++;
        }
        // @end
        System.out.println(counter);
    }

    @UnorderedOutput("""
            fetched https://go.dev/
            fetched https://go4j.dev/
            fetched https://openjdk.org/
            """)
    void waitGroup() {
        List<String> urls = List.of("https://go.dev/", "https://go4j.dev/", "https://openjdk.org/");
        // @start region="wait-group"
        var wg = new WaitGroup();
        for (String url : urls) {
            wg.go(() -> fetch(url));
        }
        wg.await(); // all fetches have finished
        // @end
    }

    static void fetch(String url) {
        System.out.println("fetched " + url);
    }
}
