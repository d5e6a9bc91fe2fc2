package dev.go4j.examples.select;

import static dev.go4j.Select.afterClause;
import static dev.go4j.Select.defaultClause;
import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.receiveOkClause;
import static dev.go4j.Select.select;
import static dev.go4j.Select.selectValue;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.ReceiveChan;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Lesson: a select that returns a value. In Go, a select is a statement, and each case assigns the result to a
 * variable of the function around it:
 *
 * <pre>{@code
 * var answer string
 * select {
 * case v := <-cache:
 *     answer = v
 * case v, ok := <-db:
 *     if ok { answer = v } else { answer = "db closed" }
 * case <-time.After(budget):
 *     answer = "no answer"
 * }
 * }</pre>
 *
 * <p>Java lambdas cannot assign the caller's local variables, so the callback form of go4j's select needs a holder
 * (an array element, a field) for such a result. The value form does not: {@link dev.go4j.Select#selectValue}
 * takes clauses instead of cases, each clause maps what its operation produced to the result, and the select
 * returns the chosen clause's result. {@code receiveClause}, {@code receiveOkClause} and {@code sendClause} are
 * the three channel operations, {@code defaultClause} is Go's {@code default}, and {@code afterClause} is Go's
 * {@code case <-time.After(d):} without a timer. It is the same select: a random choice among ready clauses, the
 * same rules for closed and nil channels, and no more memory per select than the callback form.
 *
 * {@snippet :
 * String answer = selectValue(
 *     receiveClause(s.cache(), v -> v),
 *     receiveOkClause(s.db(), r -> r.ok() ? r.value() : "db closed"),
 *     afterClause(BUDGET, () -> "no answer within " + BUDGET.toMillis() + " ms"));
 * }
 *
 * <p>The lesson looks a key up four times, each time with a different source ready (the cache, the database, a
 * closed database, nothing at all), once in each form; then polls with a default clause. Only one source is ready
 * each time, so the output is certain.
 */
public final class SelectValue {
    /** How long a lookup waits for an answer. */
    static final Duration BUDGET = Duration.ofMillis(20);

    private SelectValue() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, SelectValue::run);
    }

    /** The two places a lookup asks. */
    record Sources(ReceiveChan<String> cache, ReceiveChan<String> db) {
    }

    /** Each situation once in each form, then a poll. */
    static void run() {
        situation("the cache knows", () -> new Sources(holding("cached gopher"), Chan.make()));
        situation("the db knows", () -> new Sources(Chan.make(), holding("gopher from the db")));
        situation("the db is closed", () -> new Sources(Chan.make(), closed()));
        situation("nobody answers", () -> new Sources(Chan.make(), Chan.make()));

        Chan<String> empty = Chan.make();
        String polled = selectValue(receiveClause(empty, v -> v), defaultClause(() -> "nothing yet"));
        System.out.println("poll: " + polled);
    }

    /** Looks up in fresh sources made by {@code make}, once with each form. */
    static void situation(String what, Supplier<Sources> make) {
        System.out.println(what + ":");
        System.out.println("  value form:    " + lookup(make.get()));
        System.out.println("  callback form: " + lookupWithCallbacks(make.get()));
    }

    /** The value form: each clause gives the answer. */
    static String lookup(Sources s) {
        return selectValue(
                receiveClause(s.cache(), v -> v),
                receiveOkClause(s.db(), r -> r.ok() ? r.value() : "db closed"),
                afterClause(BUDGET, () -> "no answer within " + BUDGET.toMillis() + " ms"));
    }

    /** The callback form: the bodies write the answer into a holder, and a timeout is a false result. */
    static String lookupWithCallbacks(Sources s) {
        String[] answer = new String[1];
        boolean answered = select(BUDGET,
                onReceive(s.cache(), v -> answer[0] = v),
                onReceiveOk(s.db(), r -> answer[0] = r.ok() ? r.value() : "db closed"));
        return answered ? answer[0] : "no answer within " + BUDGET.toMillis() + " ms";
    }

    /** A channel with room for one value, holding {@code value}. */
    static ReceiveChan<String> holding(String value) {
        Chan<String> ch = Chan.make(1);
        ch.send(value);
        return ch;
    }

    /** A closed channel: always ready, with the zero value and ok false. */
    static ReceiveChan<String> closed() {
        Chan<String> ch = Chan.make();
        ch.close();
        return ch;
    }
}
