package dev.go4j.examples.context;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import dev.go4j.SendChan;
import dev.go4j.context.CancelContext;
import dev.go4j.context.Context;
import dev.go4j.sync.WaitGroup;
import java.time.Duration;
import java.util.List;

/**
 * Lesson: cancellation flows down a tree of contexts. A request handler gives itself a time budget with
 * {@link Context#withTimeout}, asks several mirrors for the same answer (each in its own goroutine, with a child
 * context), and takes the first answer. Whatever ends the handler, its budget running out or an answer arriving,
 * every mirror still working learns it through {@code ctx.done()} and stops. In Go:
 *
 * <pre>{@code
 * func handle(request context.Context, budget time.Duration) {
 *     ctx, cancel := context.WithTimeout(request, budget)
 *     defer cancel() // whatever happens below, the mirrors are released when handle returns
 *     answers := make(chan string, len(mirrors))
 *     for _, m := range mirrors {
 *         go m.ask(ctx, answers)
 *     }
 *     select {
 *     case a := <-answers:
 *         fmt.Println("first answer from", a)
 *     case <-ctx.Done():
 *         fmt.Println(ctx.Err()) // context deadline exceeded
 *     }
 * }
 * }</pre>
 *
 * <p>In go4j, {@code cancel} is a method of the context it cancels, and {@link CancelContext#close()} calls it, so
 * Go's {@code defer cancel()} becomes a try-with-resources block. Each mirror makes a child context of its own, with
 * a limit of one minute per attempt, and waits for its work or for that child's {@code done()}. The tree is:
 *
 * <pre>
 * request              withCancel(background)   the caller's; never cancelled by anything below it
 *  └─ handler          withTimeout(request, budget)
 *      ├─ mirror 1     withTimeout(handler, 1 min)
 *      ├─ mirror 2     withTimeout(handler, 1 min)
 *      └─ mirror 3     withTimeout(handler, 1 min)
 * </pre>
 *
 * <p>A child's deadline never exceeds its parent's: a mirror's one-minute limit gives way to the handler's earlier
 * deadline. A child reports its parent's reason: when the handler's budget runs out, every mirror's {@code err()} is
 * {@code context deadline exceeded}; when the handler returns early and cancels, {@code context canceled}. And
 * cancellation never flows up: the request's context is untouched either way.
 *
 * <p>The lesson handles two requests. In the first, no mirror can answer (each waits on a channel that is never
 * closed), so the 50 ms budget runs out. In the second, mirror 2 has its answer ready and the budget is a generous
 * 10 s; the handler returns with that answer, and the cancel on its way out releases mirrors 1 and 3. The handler
 * joins the mirrors after cancelling, and prints what each one saw, in mirror order.
 *
 * {@snippet :
 * try (CancelContext ctx = Context.withTimeout(request, Duration.ofMillis(50))) {
 *     // start the mirrors with ctx; wait for an answer or ctx.done()
 * } // ctx.close() cancels: Go's defer cancel()
 * }
 */
public final class CancelTree {
    /** How many mirrors each request asks. */
    static final int MIRRORS = 3;
    /** Each mirror's own limit, longer than any handler's budget here. */
    static final Duration ATTEMPT_LIMIT = Duration.ofMinutes(1);

    private CancelTree() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, CancelTree::run);
    }

    /** Handles a request whose budget runs out, then one that gets an answer in time. */
    static void run() {
        Chan<Empty> ready = Chan.make();
        ready.close();                     // work that is already done
        Chan<Empty> never = Chan.make();   // work that never finishes

        serve("request 1", Duration.ofMillis(50), List.of(never, never, never));
        serve("request 2", Duration.ofSeconds(10), List.of(never, ready, never));
    }

    /** The caller's side: makes the request's context, has it handled, then checks that it was left alone. */
    static void serve(String name, Duration budget, List<ReceiveChan<Empty>> work) {
        System.out.println(name + ", budget " + budget.toMillis() + " ms:");
        try (CancelContext request = Context.withCancel(Context.background())) {
            handle(request, budget, work);
            System.out.println("  request's own context: " + (request.err() == null ? "not cancelled" : "cancelled"));
        }
    }

    /** Asks every mirror, takes the first answer or gives up when {@code budget} runs out, then joins them all. */
    static void handle(Context request, Duration budget, List<ReceiveChan<Empty>> work) {
        String[] outcomes = new String[work.size()];
        var mirrors = new WaitGroup();
        try (CancelContext ctx = Context.withTimeout(request, budget)) {
            Chan<Integer> answers = Chan.make(work.size()); // room for every answer: no mirror blocks on its way out
            for (int i = 0; i < work.size(); i++) {
                int mirror = i + 1;
                ReceiveChan<Empty> myWork = work.get(i);
                mirrors.go(() -> outcomes[mirror - 1] = ask(ctx, mirror, myWork, answers));
            }
            select(
                    onReceive(answers, a -> System.out.println("  handler: first answer from mirror " + a)),
                    onReceive(ctx.done(), v -> System.out.println("  handler: " + ctx.err().getMessage())));
        } // ctx.close(): every mirror still working sees done() closed
        mirrors.await(); // their writes to outcomes are visible after this
        for (int i = 0; i < outcomes.length; i++) {
            System.out.println("  mirror " + (i + 1) + ": " + outcomes[i]);
        }
    }

    /**
     * One mirror: waits for its work, with a context of its own derived from the handler's, and answers if the
     * work finishes first.
     *
     * @return "answered", or the message of the error that stopped it
     */
    static String ask(Context ctx, int mirror, ReceiveChan<Empty> work, SendChan<Integer> answers) {
        try (CancelContext attempt = Context.withTimeout(ctx, ATTEMPT_LIMIT)) {
            String[] outcome = new String[1];
            select(
                    onReceive(work, v -> {
                        answers.send(mirror);
                        outcome[0] = "answered";
                    }),
                    onReceive(attempt.done(), v -> outcome[0] = attempt.err().getMessage()));
            return outcome[0];
        }
    }
}
