package dev.go4j.snippets;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;
import static dev.go4j.snippets.Job.run;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.Received;
import dev.go4j.Result;
import dev.go4j.SendChan;
import dev.go4j.TryReceive;
import dev.go4j.testing.Output;
import java.util.concurrent.CompletableFuture;

/** The examples of {@code Chan}, {@code SendChan}, {@code ReceiveChan} and their result types. */
class ChanSnippets {
    @Output("ping")
    void chan() {
        // @start region="chan"
        Chan<String> messages = Chan.make();
        go(() -> messages.send("ping"));
        System.out.println(messages.receive()); // ping
        // @end
    }

    /** Nobody closes {@code quit}, so the price wins. */
    @Output("price: 42.00")
    void fromStage() {
        printPrice(Chan.make());
    }

    static void printPrice(ReceiveChan<Empty> quit) {
        // @start region="from-stage"
        CompletableFuture<String> price = CompletableFuture.supplyAsync(() -> quote("GO4J"), Go.executor());
        select(
            onReceive(Chan.fromStage(price), r -> {
                switch (r) {
                    case Result.Ok<String>(var quote) -> System.out.println("price: " + quote);
                    case Result.Err<String>(var error) -> System.out.println("no price: " + error);
                }
            }),
            onReceive(quit, ignored -> price.cancel(false)));
        // @end
    }

    /** The quote service of the {@code fromStage} example. */
    static String quote(String symbol) {
        return "42.00";
    }

    @Output("sum: 3")
    void sendAndReceive() {
        Chan<Integer> numbers = Chan.make();
        go(() -> produce(numbers));
        System.out.println("sum: " + sum(numbers));
    }

    // @start region="send-chan"
    static void produce(SendChan<? super Integer> out) {
        for (int i = 0; i < 3; i++) {
            out.send(i);
        }
        out.close();
    }
    // @end

    // @start region="receive-chan"
    static int sum(ReceiveChan<? extends Integer> in) {
        int sum = 0;
        for (int v : in) {
            sum += v;
        }
        return sum;
    }
    // @end

    /** The second call finds the channel closed and returns before {@code use}. */
    @Output("used hello")
    void received() {
        Chan<String> ch = Chan.make(1);
        ch.send("hello");
        ch.close();
        consume(ch);
        consume(ch);
    }

    static void consume(ReceiveChan<String> ch) {
        // @start region="received"
        Received<String> r = ch.receiveOk();
        if (!r.ok()) {
            return; // closed
        }
        use(r.value());
        // @end
    }

    static void use(String value) {
        System.out.println("used " + value);
    }

    @Output("""
            idle
            running job 1
            shutting down
            """)
    void tryReceive() {
        Chan<Job> ch = Chan.make(1);
        poll(ch);
        ch.send(new Job(1));
        poll(ch);
        ch.close();
        poll(ch);
    }

    static void poll(ReceiveChan<Job> ch) {
        // @start region="try-receive"
        switch (ch.tryReceive()) {
            case TryReceive.Value<Job>(var job) -> run(job);
            case TryReceive.Closed<Job> closed -> shutDown();
            case TryReceive.WouldBlock<Job> empty -> idle();
        }
        // @end
    }

    static void shutDown() {
        System.out.println("shutting down");
    }

    static void idle() {
        System.out.println("idle");
    }
}
