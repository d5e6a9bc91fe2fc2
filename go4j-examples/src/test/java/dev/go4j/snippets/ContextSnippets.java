package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The examples of package {@code dev.go4j.context}. */
class ContextSnippets {
    /** The workers of the {@code CancelContext} example. */
    private final WaitGroup workers = new WaitGroup();

    @Output("""
            <html>go4j</html>
            context deadline exceeded
            """)
    void context() {
        fetchWithTimeout("https://go4j.dev/");
        fetchWithTimeout("https://go4j.dev/slow"); // answers only when its context is done
    }

    static void fetchWithTimeout(String url) {
        // @start region="context"
        try (CancelContext ctx = Context.withTimeout(Context.background(), Duration.ofSeconds(2))) {
            Chan<String> result = Chan.make(1);
            go(() -> result.send(fetch(ctx, url)));
            select(
                onReceive(result, body -> System.out.println(body)),
                onReceive(ctx.done(), v -> System.out.println(ctx.err().getMessage()))); // context deadline exceeded
        } // close() cancels, like Go's defer cancel()
        // @end
    }

    /** The slow server answers once the request's context is done, when nobody waits for the answer any more. */
    static String fetch(Context ctx, String url) {
        if (url.endsWith("/slow")) {
            ctx.done().receive();
            return "<html>too late</html>";
        }
        return "<html>go4j</html>";
    }

    @UnorderedOutput("""
            first result
            worker 1 sees ctx.done() closed
            worker 2 sees ctx.done() closed
            """)
    void cancelContext() {
        Context parent = Context.background();
        // @start region="cancel-context"
        try (CancelContext ctx = Context.withCancel(parent)) {
            startWorkers(ctx);
            awaitFirstResult();
        } // every worker sees ctx.done() closed
        // @end
        workers.await();
    }

    void startWorkers(Context ctx) {
        for (int i = 1; i <= 2; i++) {
            int n = i;
            workers.go(() -> {
                ctx.done().receive();
                System.out.println("worker " + n + " sees ctx.done() closed");
            });
        }
    }

    static void awaitFirstResult() {
        System.out.println("first result");
    }

    /** A take that finds a line, then one that waits until another goroutine cancels the context. */
    @Output("""
            hello
            context canceled
            """)
    void interruptOnDone() throws Exception {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        queue.add("hello");
        try (CancelContext ctx = Context.withCancel(Context.background())) {
            System.out.println(takeLine(ctx, queue));
            go(ctx::cancel);
            try {
                takeLine(ctx, queue);
            } catch (Context.Canceled e) {
                System.out.println(e.getMessage());
            }
        }
    }

    static String takeLine(Context ctx, BlockingQueue<String> queue) throws Exception {
        // @start region="interrupt-on-done"
        String line = Context.interruptOnDone(ctx, () -> queue.take());
        // @end
        return line;
    }
}
