package dev.go4j.bench;

import com.softwaremill.jox.Channel;
import com.softwaremill.jox.ChannelClosed;
import dev.go4j.Chan;
import dev.go4j.Go;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Main table, row 8: the concurrent prime sieve from Go's tour, end to end. A generator sends 2, 3, 4, … on an
 * unbuffered channel; the main goroutine takes the next prime from the end of the chain and appends a filter
 * goroutine that drops its multiples. One operation finds the first {@link Sizes#PRIMES} primes. So that every
 * goroutine ends, the generator stops at the last prime wanted (7919 for 1000) and closes its channel, each filter
 * closes its output when its input is closed, and main drains the chain. Go: {@code BenchmarkSieve}. JDK:
 * {@link SynchronousQueue}s, closed by a sentinel. Numbers are boxed once, in a table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Sieve extends OnScheduler {
    /** The JDK version's end-of-stream mark (the numbers sent are all at least 2). */
    private static final Integer END = -1;

    private int primes;
    /** The last prime wanted: the generator's limit. */
    private int limit;
    /** {@code NUMBERS[i] == i}, boxed once. */
    private Integer[] numbers;
    /** The last prime found by the latest operation, read by the smoke test. */
    volatile int lastPrime;

    /** Computes the limit (the n-th prime) and boxes the numbers up to it. */
    @Setup
    public void setup() {
        primes = Sizes.PRIMES_RUN;
        limit = nthPrime(primes);
        numbers = new Integer[limit + 1];
        for (int i = 0; i <= limit; i++) {
            numbers[i] = i;
        }
    }

    /** The n-th prime, by trial division (setup only). */
    static int nthPrime(int n) {
        int found = 0;
        for (int candidate = 2; ; candidate++) {
            boolean prime = true;
            for (int d = 2; d * d <= candidate; d++) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime && ++found == n) {
                return candidate;
            }
        }
    }

    @Benchmark
    public void go4j() {
        Parties.goroutines(() -> {
            Chan<Integer> ch = Chan.make();
            Chan<Integer> source = ch;
            Go.go(() -> {
                for (int i = 2; i <= limit; i++) {
                    source.send(numbers[i]);
                }
                source.close();
            });
            int prime = 0;
            for (int i = 0; i < primes; i++) {
                prime = ch.receive();
                if (i == primes - 1) {
                    break;
                }
                Chan<Integer> in = ch;
                Chan<Integer> out = Chan.make();
                int p = prime;
                Go.go(() -> {
                    for (Integer v : in) {
                        if (v % p != 0) {
                            out.send(v);
                        }
                    }
                    out.close();
                });
                ch = out;
            }
            for (Integer ignored : ch) {
                throw new IllegalStateException("a number past the last prime: " + ignored);
            }
            lastPrime = prime;
        });
    }

    @Benchmark
    public void jox() {
        Parties.virtualThreads(() -> {
            Channel<Integer> ch = Channel.newRendezvousChannel();
            Channel<Integer> source = ch;
            Thread.startVirtualThread(() -> {
                try {
                    for (int i = 2; i <= limit; i++) {
                        source.send(numbers[i]);
                    }
                    source.done();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            int prime = 0;
            for (int i = 0; i < primes; i++) {
                prime = ch.receive();
                if (i == primes - 1) {
                    break;
                }
                Channel<Integer> in = ch;
                Channel<Integer> out = Channel.newRendezvousChannel();
                int p = prime;
                Thread.startVirtualThread(() -> {
                    try {
                        Object got;
                        while (!((got = in.receiveOrClosed()) instanceof ChannelClosed)) {
                            Integer v = (Integer) got;
                            if (v % p != 0) {
                                out.send(v);
                            }
                        }
                        out.done();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ch = out;
            }
            Object rest = ch.receiveOrClosed();
            if (!(rest instanceof ChannelClosed)) {
                throw new IllegalStateException("a number past the last prime: " + rest);
            }
            lastPrime = prime;
        });
    }

    @Benchmark
    public void jdkSynchronousQueue() {
        Parties.virtualThreads(() -> {
            SynchronousQueue<Integer> ch = new SynchronousQueue<>();
            SynchronousQueue<Integer> source = ch;
            Thread.startVirtualThread(() -> {
                try {
                    for (int i = 2; i <= limit; i++) {
                        source.put(numbers[i]);
                    }
                    source.put(END);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            int prime = 0;
            for (int i = 0; i < primes; i++) {
                prime = ch.take();
                if (i == primes - 1) {
                    break;
                }
                SynchronousQueue<Integer> in = ch;
                SynchronousQueue<Integer> out = new SynchronousQueue<>();
                int p = prime;
                Thread.startVirtualThread(() -> {
                    try {
                        Integer v;
                        while ((v = in.take()) != END) {
                            if (v % p != 0) {
                                out.put(v);
                            }
                        }
                        out.put(END);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                ch = out;
            }
            Integer rest = ch.take();
            if (rest != END) {
                throw new IllegalStateException("a number past the last prime: " + rest);
            }
            lastPrime = prime;
        });
    }
}
