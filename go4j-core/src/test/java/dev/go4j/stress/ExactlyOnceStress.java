package dev.go4j.stress;

import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.orElse;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Interrupted;
import dev.go4j.Received;
import dev.go4j.RuntimeError;
import dev.go4j.Select;
import dev.go4j.TryReceive;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testsupport.GoTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The exactly-once stress harness: producers send uniquely numbered items over several channels with a random
 * mix of blocking sends, try-sends and selects (with send cases, timeouts and defaults); consumers receive them
 * with blocking receives, try-receives and selects, and now and then yield; a chaos goroutine interrupts workers
 * at random and closes channels at random moments. Every producer records for each item whether its send succeeded; afterwards every
 * item reported sent must have been received exactly once, and every item reported not sent never.
 *
 * <p>All random choices derive from one seed, printed by the tests; {@code -Dgo4j.stress.seed=N} replays them (the
 * interleaving of goroutines is the scheduler's, so a replay repeats the choices, not the timing).
 */
public final class ExactlyOnceStress {
    /** What a send attempt reports. */
    public enum Outcome {
        /** Never attempted (the producer stopped early because every channel was closed). */
        NOT_ATTEMPTED,
        /** The send completed: the item must be received exactly once. */
        SENT,
        /** The send did not happen (would block, timed out, interrupted, closed): it must never be received. */
        NOT_SENT
    }

    /**
     * How the harness sends and receives; the correct strategy uses go4j as documented, the broken ones in the
     * tests mishandle a corner case to show that the harness catches it.
     */
    public interface Strategy {
        /** Sends {@code item} by the operation numbered {@code op}. */
        Outcome send(Worker worker, int op, Long item);

        /** Receives by the operation numbered {@code op}, reporting each item through {@code worker.received}. */
        void receive(Worker worker, int op);
    }

    /** The parameters of a run. */
    public record Config(long seed, int producers, int consumers, int channels, int itemsPerProducer,
            boolean selects, boolean interrupts, boolean randomClose) {
        /** The seed to use: the system property {@code go4j.stress.seed} if set, else a fresh one. */
        public static long seedFromProperty() {
            return Long.getLong("go4j.stress.seed", new Random().nextLong());
        }
    }

    /** The verdict of a run. */
    public record Report(long seed, long operations, long sent, long received, long interrupts,
            List<String> violations) {
        public boolean exactlyOnce() {
            return violations.isEmpty();
        }
    }

    /** One producer's or consumer's state; its random generator is its own, derived from the seed. */
    public final class Worker {
        final Random random;
        final int index;

        Worker(int index) {
            this.index = index;
            this.random = new Random(config.seed() * 31 + index);
        }

        /** A random channel that is not known to be closed, or null if every channel is. */
        public Chan<Long> openChannel() {
            int start = random.nextInt(channels.size());
            for (int i = 0; i < channels.size(); i++) {
                int c = (start + i) % channels.size();
                if (!closing[c].get()) {
                    return channels.get(c);
                }
            }
            return null;
        }

        /** Up to three distinct channels not known to be closed. */
        public List<Chan<Long>> someOpenChannels() {
            List<Chan<Long>> some = new ArrayList<>();
            int start = random.nextInt(channels.size());
            for (int i = 0; i < channels.size() && some.size() < 3; i++) {
                int c = (start + i) % channels.size();
                if (!closing[c].get() && (some.isEmpty() || random.nextBoolean())) {
                    some.add(channels.get(c));
                }
            }
            return some;
        }

        /** The channels this consumer has not yet seen closed and drained. */
        public List<Chan<Long>> undrained() {
            List<Chan<Long>> list = new ArrayList<>();
            for (int c = 0; c < channels.size(); c++) {
                if (!drained[index][c]) {
                    list.add(channels.get(c));
                }
            }
            return list;
        }

        /**
         * The channel for a consumer's blocking single-channel receive: its home channel (consumer i serves channel
         * i mod channels) until that is drained, then any undrained one. With at least as many consumers as
         * channels every channel has a consumer that keeps coming back to it, so blocked producers are always
         * served and the harness cannot deadlock even without interrupts.
         */
        public Chan<Long> blockingReceiveChannel() {
            int home = index % channels.size();
            if (!drained[index][home]) {
                return channels.get(home);
            }
            List<Chan<Long>> undrained = undrained();
            return undrained.get(random.nextInt(undrained.size()));
        }

        /** Records a receive result on {@code ch}. */
        public void received(Chan<Long> ch, Received<Long> r) {
            if (r.ok()) {
                received(r.value());
            } else {
                drained[index][channels.indexOf(ch)] = true;
            }
        }

        /** Records one received item. */
        public void received(Long item) {
            if (item == null || item < 0 || item >= receivedCounts.length()) {
                violations.add("received an item that was never produced: " + item);
                return;
            }
            receivedCounts.incrementAndGet(item.intValue());
            receivedTotal.incrementAndGet();
        }

        /** A short random timeout for timed selects. */
        public Duration shortTimeout() {
            return Duration.ofNanos(random.nextInt(200_000));
        }
    }

    private final Config config;
    private final Strategy strategy;
    private final List<Chan<Long>> channels = new ArrayList<>();
    /** Set just before a channel is closed, so workers mostly avoid it (they must still cope with the race). */
    private final AtomicBoolean[] closing;
    /** drained[consumer][channel], written by that consumer only. */
    private final boolean[][] drained;
    private final Outcome[] outcomes;
    private final AtomicIntegerArray receivedCounts;
    private final AtomicLong receivedTotal = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong interrupts = new AtomicLong();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    private ExactlyOnceStress(Config config, Strategy strategy) {
        if (config.consumers() < config.channels()) {
            throw new IllegalArgumentException("need at least as many consumers as channels (see Worker)");
        }
        this.config = config;
        this.strategy = strategy;
        Random random = new Random(config.seed());
        int[] capacities = {0, 1, 16};
        for (int c = 0; c < config.channels(); c++) {
            channels.add(Chan.make(capacities[random.nextInt(capacities.length)]));
        }
        closing = new AtomicBoolean[config.channels()];
        for (int c = 0; c < closing.length; c++) {
            closing[c] = new AtomicBoolean();
        }
        drained = new boolean[config.consumers()][config.channels()];
        int items = config.producers() * config.itemsPerProducer();
        outcomes = new Outcome[items];
        java.util.Arrays.fill(outcomes, Outcome.NOT_ATTEMPTED);
        receivedCounts = new AtomicIntegerArray(items);
    }

    /** Runs the stress with the correct strategy. */
    public static Report run(Config config) throws Exception {
        return run(config, CORRECT);
    }

    /** Runs the stress with {@code strategy}. */
    public static Report run(Config config, Strategy strategy) throws Exception {
        return new ExactlyOnceStress(config, strategy).execute();
    }

    private Report execute() throws Exception {
        List<Thread> workers = new ArrayList<>();
        var producers = new WaitGroup();
        var consumers = new WaitGroup();
        for (int p = 0; p < config.producers(); p++) {
            workers.add(startWorker(producers, new Worker(p), this::produce));
        }
        for (int c = 0; c < config.consumers(); c++) {
            workers.add(startWorker(consumers, new Worker(c), this::consume));
        }
        var chaosDone = new AtomicBoolean();
        // A platform thread, so that its pacing does not wait for a carrier held by busy goroutines.
        Thread chaos = Thread.ofPlatform().daemon().name("stress-chaos").start(() -> chaos(workers, chaosDone));
        producers.await();
        for (int c = 0; c < channels.size(); c++) {
            closeChannel(c);
        }
        consumers.await();
        chaosDone.set(true);
        chaos.join();
        return verdict();
    }

    private Thread startWorker(WaitGroup group, Worker worker, java.util.function.Consumer<Worker> body) {
        return GoTesting.start(group, () -> {
            body.accept(worker);
            Thread.interrupted();
        });
    }

    private void produce(Worker worker) {
        int base = worker.index * config.itemsPerProducer();
        for (int seq = 0; seq < config.itemsPerProducer(); seq++) {
            int id = base + seq;
            if (worker.openChannel() == null) {
                return;
            }
            int op = worker.random.nextInt(config.selects() ? 5 : 2);
            Outcome outcome;
            try {
                outcome = strategy.send(worker, op, (long) id);
            } catch (Interrupted e) {
                Thread.interrupted();
                interrupts.incrementAndGet();
                outcome = Outcome.NOT_SENT;
            } catch (RuntimeError e) {
                if (!"send on closed channel".equals(e.getMessage())) {
                    throw e;
                }
                outcome = Outcome.NOT_SENT;
            }
            outcomes[id] = outcome;
            operations.incrementAndGet();
            maybeYield(worker);
        }
    }

    /** Now and then a worker yields (Go.gosched): the scheduler's yield path must not lose a wake-up either. */
    private static void maybeYield(Worker worker) {
        if (worker.random.nextInt(16) == 0) {
            Go.gosched();
        }
    }

    private void consume(Worker worker) {
        while (!worker.undrained().isEmpty()) {
            int op = worker.random.nextInt(config.selects() ? 5 : 2);
            try {
                strategy.receive(worker, op);
            } catch (Interrupted e) {
                Thread.interrupted();
                interrupts.incrementAndGet();
            }
            operations.incrementAndGet();
            maybeYield(worker);
        }
    }

    private void chaos(List<Thread> workers, AtomicBoolean done) {
        Random random = new Random(config.seed() ^ 0x5DEECE66DL);
        long totalItems = (long) config.producers() * config.itemsPerProducer();
        long closeAt = config.randomClose() ? (long) (random.nextDouble() * totalItems * 2) : Long.MAX_VALUE;
        int closeWhich = random.nextInt(channels.size());
        while (!done.get()) {
            if (operations.get() >= closeAt) {
                closeChannel(closeWhich);
                closeAt = Long.MAX_VALUE;
            }
            if (config.interrupts()) {
                workers.get(random.nextInt(workers.size())).interrupt();
            }
            // Pacing only: interrupts land at arbitrary points of the workers' operations.
            Go.sleep(Duration.ofNanos(20_000 + random.nextInt(80_000)));
        }
    }

    private void closeChannel(int c) {
        if (closing[c].compareAndSet(false, true)) {
            channels.get(c).close();
        }
    }

    private Report verdict() {
        List<String> found = new ArrayList<>(violations);
        long sent = 0;
        for (int id = 0; id < outcomes.length; id++) {
            int count = receivedCounts.get(id);
            switch (outcomes[id]) {
                case SENT -> {
                    sent++;
                    if (count != 1) {
                        found.add("item " + id + " was sent but received " + count + " times");
                    }
                }
                case NOT_SENT, NOT_ATTEMPTED -> {
                    if (count != 0) {
                        found.add("item " + id + " was " + outcomes[id] + " but received " + count + " times");
                    }
                }
            }
        }
        return new Report(config.seed(), operations.get(), sent, receivedTotal.get(), interrupts.get(),
                found.size() > 20 ? found.subList(0, 20) : found);
    }

    /** go4j used as documented. */
    public static final Strategy CORRECT = new Strategy() {
        @Override
        public Outcome send(Worker worker, int op, Long item) {
            Chan<Long> ch = worker.openChannel();
            if (ch == null) {
                return Outcome.NOT_SENT;
            }
            return switch (op) {
                case 0 -> {
                    ch.send(item);
                    yield Outcome.SENT;
                }
                case 1 -> ch.trySend(item) ? Outcome.SENT : Outcome.NOT_SENT;
                case 2 -> selectSend(worker.someOpenChannels(), item, orElse(() -> { }));
                case 3 -> {
                    var sent = new boolean[1];
                    Select.select(worker.shortTimeout(), sendCases(worker.someOpenChannels(), item, sent));
                    yield sent[0] ? Outcome.SENT : Outcome.NOT_SENT;
                }
                default -> selectSend(worker.someOpenChannels(), item, null);
            };
        }

        private Outcome selectSend(List<Chan<Long>> targets, Long item, Select.Case fallback) {
            var sent = new boolean[1];
            Select.Case[] cases = sendCases(targets, item, sent);
            if (fallback != null) {
                cases = java.util.Arrays.copyOf(cases, cases.length + 1);
                cases[cases.length - 1] = fallback;
            }
            Select.select(cases);
            return sent[0] ? Outcome.SENT : Outcome.NOT_SENT;
        }

        private Select.Case[] sendCases(List<Chan<Long>> targets, Long item, boolean[] sent) {
            Select.Case[] cases = new Select.Case[targets.size()];
            for (int i = 0; i < cases.length; i++) {
                cases[i] = onSend(targets.get(i), item, () -> sent[0] = true);
            }
            return cases;
        }

        @Override
        public void receive(Worker worker, int op) {
            List<Chan<Long>> undrained = worker.undrained();
            Chan<Long> one = undrained.get(worker.random.nextInt(undrained.size()));
            switch (op) {
                case 0 -> {
                    Chan<Long> home = worker.blockingReceiveChannel();
                    worker.received(home, home.receiveOk());
                }
                case 1 -> {
                    switch (one.tryReceive()) {
                        case TryReceive.Value<Long>(Long item) -> worker.received(item);
                        case TryReceive.Closed<Long> closed -> worker.received(one, new Received<>(null, false));
                        case TryReceive.WouldBlock<Long> empty -> { }
                    }
                }
                case 2 -> Select.select(receiveCases(worker, undrained, null));
                case 3 -> Select.select(worker.shortTimeout(), receiveCases(worker, undrained, null));
                default -> Select.select(receiveCases(worker, undrained, orElse(() -> { })));
            }
        }

        private Select.Case[] receiveCases(Worker worker, List<Chan<Long>> from, Select.Case fallback) {
            Select.Case[] cases = new Select.Case[from.size() + (fallback == null ? 0 : 1)];
            for (int i = 0; i < from.size(); i++) {
                Chan<Long> ch = from.get(i);
                cases[i] = onReceiveOk(ch, r -> worker.received(ch, r));
            }
            if (fallback != null) {
                cases[from.size()] = fallback;
            }
            return cases;
        }
    };
}
