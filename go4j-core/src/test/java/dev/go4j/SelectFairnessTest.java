package dev.go4j;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.onReceiveOk;
import static dev.go4j.Select.onSend;
import static dev.go4j.Select.receiveClause;
import static dev.go4j.Select.receiveOkClause;
import static dev.go4j.Select.selectValue;
import static dev.go4j.Select.sendClause;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * When several cases are ready, select chooses each with equal probability (Go's uniform pseudo-random choice),
 * in the callback form and in the value form ({@link Select#selectValue}), and the check that says so is sharp
 * enough to reject the "first ready case wins" variant.
 *
 * <p>The math. Each scenario runs {@value #SELECTS} selects in which the same k cases are ready. If the choice is
 * uniform and independent, the wins X_i of case i are Binomial(N, 1/k), and Hoeffding's inequality bounds a
 * deviation of the observed share: {@code P(|X_i/N - 1/k| >= t) <= 2 exp(-2 N t^2)}. Over the k cases (union
 * bound) a scenario fails by chance with probability at most {@code 2k exp(-2 N t^2)}; the check sets that to
 * {@value #FALSE_FAILURE} and solves for t: {@code t = sqrt(ln(2k / 1e-9) / (2N))}, which for N = 30 000 is
 * 0.0192 (k = 2) and 0.0194 (k = 3), so a case must win between 48.1% and 51.9% (k = 2), or between 31.4% and
 * 35.3% (k = 3), of the selects. The six checks together fail falsely with probability below 6e-9. The bound
 * needs no normal approximation; it assumes only that the generator behaves like independent uniform draws. It
 * still catches a bias of two percentage points (see {@link #theCheckRejectsASmallBias()}), and the first-ready
 * variant, whose first ready case wins every time, misses by 50 percentage points or more.
 */
class SelectFairnessTest {
    static final int SELECTS = 30_000;
    static final double FALSE_FAILURE = 1e-9;

    /** Which case the last select ran; written by the case bodies, all on the test thread. */
    private int fired;

    /** Performs one select over cases that are all ready, and returns which one fired. */
    @FunctionalInterface
    private interface Selector {
        int select(Scenario scenario);
    }

    /** Go's select, as users get it. */
    private final Selector random = scenario -> {
        fired = -1;
        Select.select(scenario.cases());
        return fired;
    };

    /** The value form: the same select over clauses whose results are their indices. */
    private final Selector value = scenario -> selectValue(scenario.clauses());

    /**
     * The deliberately unfair variant, "first ready case wins": tries the cases in listed order, each alone in a
     * select that only polls, and stops at the first that fires.
     */
    private final Selector firstReady = scenario -> {
        fired = -1;
        for (Select.Case c : scenario.cases()) {
            if (Select.select(Duration.ZERO, c)) {
                return fired;
            }
        }
        throw new AssertionError("no case was ready");
    };

    /**
     * k cases that are all ready before every select, perhaps among others that never are: the cases, the same
     * operations as clauses, each ready one firing its rank among the ready ones, and what restores readiness
     * after the ready case of rank {@code winner} fired.
     */
    private record Scenario(String name, int ready, Select.Case[] cases, Select.Clause<Integer>[] clauses,
            IntConsumer restore) {
        Scenario(String name, Select.Case[] cases, Select.Clause<Integer>[] clauses, IntConsumer restore) {
            this(name, cases.length, cases, clauses, restore);
        }
    }

    @SafeVarargs
    private static Select.Clause<Integer>[] clauses(Select.Clause<Integer>... clauses) {
        return clauses;
    }

    /** Two receive cases on buffered channels that each hold one element; the drained one is refilled. */
    private Scenario twoReadyReceives() {
        Chan<String> a = Chan.make(1);
        Chan<String> b = Chan.make(1);
        a.send("a");
        b.send("b");
        Select.Case[] cases = {onReceive(a, v -> fired = 0), onReceive(b, v -> fired = 1)};
        return new Scenario("two ready receives", cases, clauses(receiveClause(a, v -> 0), receiveClause(b, v -> 1)),
                winner -> (winner == 0 ? a : b).send("again"));
    }

    /** A send case with room in the buffer against a receive case with an element; the fired one is reset. */
    private Scenario aReadySendAgainstAReadyReceive() {
        Chan<String> out = Chan.make(1);
        Chan<String> in = Chan.make(1);
        in.send("in");
        Select.Case[] cases = {onSend(out, "out", () -> fired = 0), onReceive(in, v -> fired = 1)};
        return new Scenario("ready send against ready receive", cases,
                clauses(sendClause(out, "out", () -> 0), receiveClause(in, v -> 1)), winner -> {
            if (winner == 0) {
                out.receive();
            } else {
                in.send("in");
            }
        });
    }

    /** Three closed channels: always ready, nothing to restore. */
    private Scenario threeClosedChannels() {
        Select.Case[] cases = new Select.Case[3];
        Select.Clause<Integer>[] clauses = clauses(null, null, null);
        for (int i = 0; i < 3; i++) {
            Chan<Integer> closed = Chan.make();
            closed.close();
            int index = i;
            cases[i] = onReceiveOk(closed, r -> fired = index);
            clauses[i] = receiveOkClause(closed, r -> index);
        }
        return new Scenario("three closed channels", cases, clauses, winner -> { });
    }

    /**
     * Three closed channels among twenty cases (more than the sixteen whose poll order select packs into a word),
     * at the first, a middle and the last place; the other seventeen never become ready.
     */
    @SuppressWarnings("unchecked")
    private Scenario threeReadyAmongTwentyCases() {
        Select.Case[] cases = new Select.Case[20];
        Select.Clause<Integer>[] clauses = (Select.Clause<Integer>[]) new Select.Clause<?>[20];
        int rank = 0;
        for (int i = 0; i < cases.length; i++) {
            Chan<Integer> ch = Chan.make();
            if (i == 0 || i == 9 || i == cases.length - 1) {
                ch.close();
                int ranked = rank++;
                cases[i] = onReceiveOk(ch, r -> fired = ranked);
                clauses[i] = receiveOkClause(ch, r -> ranked);
            } else {
                cases[i] = onReceiveOk(ch, r -> fired = -1);
                clauses[i] = receiveOkClause(ch, r -> -1);
            }
        }
        return new Scenario("three ready among twenty cases", 3, cases, clauses, winner -> { });
    }

    /** How often each ready case won over {@value #SELECTS} selects, by rank. */
    private static long[] wins(Selector selector, Scenario scenario) {
        long[] wins = new long[scenario.ready()];
        for (int i = 0; i < SELECTS; i++) {
            int winner = selector.select(scenario);
            wins[winner]++;
            scenario.restore().accept(winner);
        }
        return wins;
    }

    /**
     * The fairness check: null if every case's share of the wins is within Hoeffding's bound of 1/k (see the
     * class comment), else a description of the first case that is not.
     */
    static String unfairness(long[] wins) {
        int k = wins.length;
        long n = Arrays.stream(wins).sum();
        double tolerance = Math.sqrt(Math.log(2.0 * k / FALSE_FAILURE) / (2.0 * n));
        for (int i = 0; i < k; i++) {
            double share = (double) wins[i] / n;
            if (Math.abs(share - 1.0 / k) > tolerance) {
                return String.format("case %d won %d of %d selects (%.4f); a fair choice among %d gives %.4f ± %.4f;"
                        + " all wins: %s", i, wins[i], n, share, k, 1.0 / k, tolerance, Arrays.toString(wins));
            }
        }
        return null;
    }

    @Test
    void twoReadyReceiveCasesEachWinHalfTheTime() {
        assertFair(twoReadyReceives());
    }

    @Test
    void aReadySendAndAReadyReceiveEachWinHalfTheTime() {
        assertFair(aReadySendAgainstAReadyReceive());
    }

    @Test
    void threeClosedChannelsEachWinAThirdOfTheTime() {
        assertFair(threeClosedChannels());
    }

    @Test
    void threeReadyCasesAmongTwentyEachWinAThirdOfTheTime() {
        assertFair(threeReadyAmongTwentyCases());
    }

    @Test
    void threeReadyClausesAmongTwentyEachWinAThirdOfTheTime() {
        assertFair(value, threeReadyAmongTwentyCases());
    }

    @Test
    void twoReadyReceiveClausesEachWinHalfTheTime() {
        assertFair(value, twoReadyReceives());
    }

    @Test
    void aReadySendClauseAndAReadyReceiveClauseEachWinHalfTheTime() {
        assertFair(value, aReadySendAgainstAReadyReceive());
    }

    @Test
    void threeClausesOnClosedChannelsEachWinAThirdOfTheTime() {
        assertFair(value, threeClosedChannels());
    }

    @Test
    void theFirstReadyVariantFailsTheSameCheck() {
        for (Scenario scenario : new Scenario[] {twoReadyReceives(), aReadySendAgainstAReadyReceive(),
                threeClosedChannels(), threeReadyAmongTwentyCases()}) {
            long[] wins = wins(firstReady, scenario);
            assertThat(wins[0]).as(scenario.name()).isEqualTo(SELECTS);
            assertThat(unfairness(wins)).as(scenario.name()).isNotNull();
        }
    }

    @Test
    void theCheckRejectsASmallBias() {
        long half = SELECTS / 2;
        assertThat(unfairness(new long[] {half, half})).isNull();
        assertThat(unfairness(new long[] {10_000, 10_000, 10_000})).isNull();
        long bias = SELECTS / 50; // two percentage points
        assertThat(unfairness(new long[] {half + bias / 2, half - bias / 2})).isNull(); // one point each way
        assertThat(unfairness(new long[] {half + bias, half - bias})).isNotNull();
        assertThat(unfairness(new long[] {10_000 + bias, 10_000 - bias, 10_000})).isNotNull();
    }

    private void assertFair(Scenario scenario) {
        assertFair(random, scenario);
    }

    private static void assertFair(Selector selector, Scenario scenario) {
        long[] wins = wins(selector, scenario);
        assertThat(Arrays.stream(wins).sum()).isEqualTo(SELECTS);
        assertThat(unfairness(wins)).as(scenario.name()).isNull();
    }
}
