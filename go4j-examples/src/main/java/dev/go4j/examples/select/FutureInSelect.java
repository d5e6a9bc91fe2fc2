package dev.go4j.examples.select;

import static dev.go4j.Go.go;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.Result;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lesson: a {@link CompletableFuture} in a select. Java code hands out results as futures; Go code waits on channels.
 * {@link Chan#fromStage} joins the two: it turns any {@link java.util.concurrent.CompletionStage} into a
 * receive-only channel that delivers exactly one {@link Result} ({@code Ok} with the value, or {@code Err} with the
 * failure) and is then closed, so a future can race a quit channel, a timer or other channels in one select. No
 * goroutine is spent waiting on the future: whoever completes it drops the result into the channel's one-slot
 * buffer.
 *
 * <p>A Go program would start a goroutine and give it a channel for its answer; the go4j program can keep its
 * {@code CompletableFuture} API and still select on it:
 *
 * <pre>{@code
 * select {
 * case r := <-quote: // a result or an error
 *     ...
 * case <-quit:
 *     cancel()
 * }
 * }</pre>
 *
 * <p>The futures run their suppliers on {@link Go#executor()}, one goroutine each. Three asks, each with a certain
 * outcome: a quote that arrives ({@code Ok}); one whose supplier throws ({@code Err}, the exception unwrapped from
 * its {@link java.util.concurrent.CompletionException}); and one whose supplier is held back until the quit channel
 * has been closed, so quit wins. The quit case cancels the future, and cancelling completes it: the channel then
 * delivers {@code Err} with a {@link java.util.concurrent.CancellationException}. Main releases the held supplier
 * afterwards, so its goroutine finishes too; its value is dropped, since a future completes only once. A
 * {@code Time.after} case in place of quit gives a timeout, as in {@link SelectTimeout}.
 *
 * {@snippet :
 * CompletableFuture<Integer> price = CompletableFuture.supplyAsync(() -> quote("GO4J"), Go.executor());
 * select(
 *     onReceive(Chan.fromStage(price), r -> System.out.println(r)),
 *     onReceive(quit, signal -> price.cancel(false)));
 * }
 */
public final class FutureInSelect {
    /** The prices the quote service knows. */
    static final Map<String, Integer> PRICES = Map.of("GO4J", 42, "SLOW", 7);

    private FutureInSelect() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, FutureInSelect::run);
    }

    /** Three asks: one answered, one failed, one given up on. */
    static void run() {
        Chan<Empty> never = Chan.make(); // nobody closes it: these futures always win
        ask("GO4J", CompletableFuture.supplyAsync(() -> quote("GO4J"), Go.executor()), never);
        ask("NOPE", CompletableFuture.supplyAsync(() -> quote("NOPE"), Go.executor()), never);

        Chan<Empty> gate = Chan.make();
        CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
            gate.receive(); // held until main opens the gate
            return quote("SLOW");
        }, Go.executor());
        Chan<Empty> quit = Chan.make();
        go(quit::close); // somebody gives up
        ask("SLOW", slow, quit);
        gate.close(); // the supplier finishes; the cancelled future ignores its value
    }

    /** Waits for {@code future}'s result unless {@code quit} is closed first; then cancels the future. */
    static void ask(String symbol, CompletableFuture<Integer> future, ReceiveChan<Empty> quit) {
        ReceiveChan<Result<Integer>> result = Chan.fromStage(future);
        select(
                onReceive(result, r -> System.out.println(symbol + ": " + describe(r))),
                onReceive(quit, signal -> {
                    future.cancel(false); // completes the future, so the channel delivers at once
                    System.out.println(symbol + ": quit first; cancelled the future");
                    System.out.println(symbol + ": then its channel delivered " + describe(result.receive()));
                }));
    }

    /** The quote service: the price of {@code symbol}, or an exception if it has none. */
    static int quote(String symbol) {
        Integer price = PRICES.get(symbol);
        if (price == null) {
            throw new IllegalArgumentException("no quote for " + symbol);
        }
        return price;
    }

    /** A result as the lesson prints it: {@code Ok(value)}, or {@code Err(type: message)} of the failure. */
    static String describe(Result<Integer> r) {
        return switch (r) {
            case Result.Ok<Integer>(var price) -> "Ok(" + price + ")";
            case Result.Err<Integer>(var error) -> "Err(" + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()) + ")";
        };
    }
}
