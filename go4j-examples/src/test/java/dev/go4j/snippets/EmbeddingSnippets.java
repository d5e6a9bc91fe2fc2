package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.testing.Output;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The examples of embedding go4j: {@code Go.run}, {@code Go.async}, {@code Go.newExecutorService}. */
class EmbeddingSnippets {
    @Output("""
            hello from a goroutine
            exit status 0
            exit status 7
            """)
    void run() {
        String[] args = {};
        // @start region="run"
        int status = Go.run(args, () -> {
            Chan<String> greetings = Chan.make();
            go(() -> greetings.send("hello from a goroutine"));
            System.out.println(greetings.receive());
        });
        System.out.println("exit status " + status); // the JVM lives on
        System.out.println("exit status " + Go.run(args, () -> Go.exit(7)));
        // @end
    }

    @Output("42")
    void async() {
        // @start region="async"
        CompletableFuture<Integer> answer = Go.async(() -> 6 * 7); // computed in a goroutine
        System.out.println(answer.join());
        // @end
    }

    @Output("""
            handled 100 requests
            """)
    void executor() throws Exception {
        // @start region="executor"
        var handled = new AtomicInteger();
        try (ExecutorService requests = Go.newExecutorService()) {
            for (int i = 0; i < 100; i++) {
                requests.execute(handled::incrementAndGet); // each request handler is a goroutine
            }
            Future<String> last = requests.submit(() -> "done");
            last.get();
        } // close(): waits for every task
        System.out.println("handled " + handled + " requests");
        // @end
    }
}
