package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.semaphore.Weighted;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import java.nio.file.Path;
import java.util.List;

/** The example of package {@code dev.go4j.semaphore}. */
class SemaphoreSnippets {
    @UnorderedOutput("""
            digested a.txt
            digested b.txt
            digested c.txt
            """)
    void weighted() {
        digestAll(Context.background(), List.of(Path.of("a.txt"), Path.of("b.txt"), Path.of("c.txt")));
    }

    @Output("context canceled")
    void weightedWithACancelledContext() {
        CancelContext ctx = Context.withCancel(Context.background());
        ctx.cancel();
        try {
            digestAll(ctx, List.of(Path.of("a.txt")));
        } catch (Context.Canceled e) {
            System.out.println(e.getMessage());
        }
    }

    static void digestAll(Context ctx, List<Path> files) {
        // @start region="weighted"
        int size = Runtime.getRuntime().availableProcessors();
        var sem = new Weighted(size);
        for (Path file : files) {
            sem.acquire(ctx, 1); // throws the context error once ctx is done
            go(() -> {
                try {
                    digest(file);
                } finally {
                    sem.release(1);
                }
            });
        }
        sem.acquire(ctx, size); // wait for all
        // @end
    }

    static void digest(Path file) {
        System.out.println("digested " + file);
    }
}
