package dev.go4j.bench;

import java.io.IOException;

/**
 * The side load of main-table row 9: a separate process that keeps {@code N} OS threads (default 2) busy
 * computing until it is killed or its standard input ends (so that it never outlives the benchmark run that
 * started it). The same load runs under the Java and the Go benchmarks.
 *
 * <p>Usage: {@code java dev.go4j.bench.SideLoad [threads]}; prints one line once the threads are spinning.
 */
public final class SideLoad {
    /** Written by the spinning threads now and then so that their work is not dead code. */
    static volatile long sink;

    private SideLoad() {
    }

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        for (int i = 0; i < threads; i++) {
            long seed = i + 1;
            Thread spinner = new Thread(() -> spin(seed), "side-load-" + i);
            spinner.setDaemon(true);
            spinner.start();
        }
        System.out.println("side load: " + threads + " threads busy");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the end of standard input (the parent closed it or died)
        }
        System.exit(0);
    }

    private static void spin(long x) {
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            sink = x;
        }
    }
}
