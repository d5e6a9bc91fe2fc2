package dev.go4j.examples.xsync;

import dev.go4j.Go;
import dev.go4j.Result;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.semaphore.Weighted;
import dev.go4j.sync.WaitGroup;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Lesson: digest a directory tree in parallel, with a weighted semaphore ({@link Weighted}, Go's
 * {@code golang.org/x/sync/semaphore}) bounding the reads and a context stopping the work at the first error. It is
 * the bounded version of the MD5 example in the Go blog's "pipelines" article, with SHA-256 from
 * {@link MessageDigest}: walk the tree, read and digest each file in its own goroutine, collect the sums, print them
 * sorted by path.
 *
 * <p>The semaphore's weight is bytes: a file takes as many permits as it is long (capped at the whole budget,
 * since asking a semaphore for more than its size waits until the context is done, forever for
 * {@code Context.background()}). So at most {@value #BUDGET} bytes of file contents are in memory at once, whatever
 * the number of files. A count of goroutines ({@code errgroup}'s {@code setLimit}) could not say that. The walk
 * takes the permits before it starts a goroutine, so when the budget is spent the walk itself waits:
 *
 * <pre>{@code
 * for _, f := range files {
 *     w := min(f.size, budget)
 *     if err := sem.Acquire(ctx, w); err != nil {
 *         break // ctx is done: stop walking
 *     }
 *     go func() {
 *         defer sem.Release(w)
 *         ...
 *     }()
 * }
 * }</pre>
 *
 * <p>Stopping at the first error. A read that fails cancels the digest's context with its exception as the cause
 * ({@code cancel(cause)}); the first cancel wins, so {@code Context.cause(ctx)} is the first error, and the walk's
 * next {@code acquire(ctx, n)} throws the context error instead of starting another read. The failing goroutine
 * cancels <em>before</em> it releases its permits, so a walk waiting for exactly those permits wakes to a done
 * context. (An errgroup would cancel only after the task returned, that is after its {@code finally} had given the
 * permits back, and the walk might start one more read first: harmless, but not the same every run.)
 *
 * <p>Two digests of a small tree that the lesson creates in a temporary directory and deletes afterwards. The first
 * prints {@code path  sha256} for each file. The second uses a reader that fails on the big file, which takes the
 * whole budget: the walk is then certainly waiting for the big file's permits when the read fails, so it stops right
 * after the big file, every time, and the digest reports the failed read.
 *
 * {@snippet :
 * Result<SortedMap<String, String>> sums = ParallelDigest.digestTree(Context.background(), root, Files::readAllBytes);
 * }
 */
public final class ParallelDigest {
    /** At most this many bytes of file contents are being read or digested at once. */
    static final int BUDGET = 1024;

    /** The tree the lesson digests: relative path to contents. */
    static final Map<String, String> TREE = Map.of(
            "README.md", "# A small tree\nDigested in parallel, at most 1 KiB at a time.\n",
            "data/big.log", bigLog(),
            "data/small.csv", "id,name\n1,gopher\n2,duke\n",
            "notes.txt", "Remember: release in finally.\n",
            "src/Main.java", "class Main {\n    public static void main(String[] args) {\n    }\n}\n",
            "src/util/Strings.java", "final class Strings {\n}\n");

    /** The file the second digest fails to read. */
    static final String BAD = "data/big.log";

    /** Reads a file's contents; {@code Files::readAllBytes} or a failing stand-in. */
    @FunctionalInterface
    interface Reader {
        byte[] read(Path file) throws IOException;
    }

    private ParallelDigest() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, () -> run(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    /** Creates the tree in a new directory under {@code tmp}, digests it twice, and deletes it. */
    static void run(Path tmp) throws Exception {
        Path root = Files.createTempDirectory(tmp, "go4j-digest");
        try {
            for (var file : TREE.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }

            System.out.println(TREE.size() + " files, at most " + BUDGET + " bytes read at once:");
            print(digestTree(Context.background(), root, Files::readAllBytes));

            System.out.println();
            System.out.println("again, on a disk that fails to read " + BAD + ":");
            print(digestTree(Context.background(), root, file -> {
                String name = relative(root, file);
                if (name.equals(BAD)) {
                    throw new IOException("read " + name + ": input/output error");
                }
                return Files.readAllBytes(file);
            }));
        } finally {
            deleteTree(root);
        }
    }

    /**
     * Digests every regular file under {@code root}, reading with {@code reader}, at most {@value #BUDGET} bytes at
     * once: Go's {@code (map[string][sha256.Size]byte, error)}, with the sums keyed by the path relative to
     * {@code root}. On the first failure, or when {@code parent} is done, stops walking and returns the failure.
     */
    static Result<SortedMap<String, String>> digestTree(Context parent, Path root, Reader reader) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(f -> relative(root, f))).toList();
        }
        SortedMap<String, String> sums = new ConcurrentSkipListMap<>();
        var sem = new Weighted(BUDGET);
        var wg = new WaitGroup();
        try (CancelContext ctx = Context.withCancelCause(parent)) {
            for (Path file : files) {
                long weight = Math.min(Files.size(file), BUDGET);
                try {
                    sem.acquire(ctx, weight); // waits while the budget is spent; throws once ctx is done
                } catch (CancellationException stopped) {
                    System.out.println("walk stopped before " + relative(root, file) + ": " + stopped.getMessage());
                    break;
                }
                wg.go(() -> {
                    try {
                        sums.put(relative(root, file), sha256(reader.read(file)));
                    } catch (IOException e) {
                        ctx.cancel(e); // first: a walk waiting for these permits must find ctx done
                    } finally {
                        sem.release(weight);
                    }
                });
            }
            wg.await();
            if (ctx.err() != null) {
                return Result.err(Context.cause(ctx)); // the first read error, or the parent's
            }
            return Result.ok(sums);
        }
    }

    /** Prints each {@code path  sha256}, or the error. */
    private static void print(Result<SortedMap<String, String>> digest) {
        switch (digest) {
            case Result.Ok<SortedMap<String, String>>(var sums) ->
                    sums.forEach((path, sum) -> System.out.println(path + "  " + sum));
            case Result.Err<SortedMap<String, String>>(var error) ->
                    System.out.println("digest failed: " + error.getMessage());
        }
    }

    /** The SHA-256 of {@code data}, in hex. */
    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }

    /** {@code file}'s path under {@code root}, with {@code /} between names on every platform. */
    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }

    /** A log of 400 numbered lines, about 11 KiB: bigger than the whole budget. */
    private static String bigLog() {
        var log = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            log.append("line ").append(i).append(": nothing to report\n");
        }
        return log.toString();
    }

    /** Deletes {@code root} and everything under it, deepest first. */
    private static void deleteTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
