package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Result;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Output;
import dev.go4j.time.Time;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The examples of package {@code dev.go4j}'s overview, {@code Task}, {@code Empty} and {@code Result}. */
class GoSnippets {
    @Output("ping")
    void program() {
        // @start region="program"
        Chan<String> messages = Chan.make();
        go(() -> messages.send("ping"));
        select(
            onReceive(messages, m -> System.out.println(m)),
            onReceive(Time.after(Duration.ofSeconds(1)), t -> System.out.println("timeout")));
        // @end
    }

    @Output("done")
    void task(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("status.txt");
        // @start region="task"
        var wg = new WaitGroup();
        wg.go(() -> Files.writeString(path, "done")); // IOException allowed
        wg.await();
        // @end
        System.out.println(Files.readString(path));
    }

    @Output("""
            working
            done
            """)
    void empty() {
        // @start region="empty"
        Chan<Empty> done = Chan.make();
        go(() -> { work(); done.send(Empty.VALUE); });
        done.receive();
        // @end
        System.out.println("done");
    }

    static void work() {
        System.out.println("working");
    }

    @Output("""
            hello
            failed: java.nio.file.NoSuchFileException: no-such-file.txt
            """)
    void result(@TempDir Path dir) throws IOException {
        printFile(Files.writeString(dir.resolve("greeting.txt"), "hello"));
        printFile(Path.of("no-such-file.txt"));
    }

    static void printFile(Path path) {
        // @start region="result"
        Result<String> r = Result.of(() -> Files.readString(path));
        switch (r) {
            case Result.Ok<String>(var text) -> System.out.println(text);
            case Result.Err<String>(var error) -> System.out.println("failed: " + error);
        }
        // @end
    }
}
