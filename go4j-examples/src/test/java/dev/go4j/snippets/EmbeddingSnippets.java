package dev.go4j.snippets;

import static dev.go4j.Go.go;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.testing.Output;

/** The examples of embedding go4j: {@code Go.run}. */
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
}
