package dev.go4j.examples.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.UnorderedOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class NilChannelDisablesCaseTest {
    @UnorderedOutput("""
            a: 1
            a: 3
            a: 5
            b: 2
            b: 4
            a is closed
            b is closed
            merged 5 values in 7 rounds: one per value, one per close
            """)
    void mergesUntilBothAreClosed() {
        NilChannelDisablesCase.run();
    }

    /**
     * However the inputs interleave, each close is seen once (the case is off afterwards), after that input's last
     * value, and the select never runs more rounds than values plus closes.
     */
    @RepeatedTest(20)
    void eachCloseIsSeenOnceAfterItsValues() {
        Chan<Integer> a = Chan.make();
        Chan<Integer> b = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> NilChannelDisablesCase.produce(a, 1, 2, 3, 4, 5, 6, 7, 8));
        wg.go(() -> NilChannelDisablesCase.produce(b)); // closed at once: the case a spinning merge would pick
        var merge = new NilChannelDisablesCase.Merge(a, b);
        List<String> log = new ArrayList<>();

        merge.run(log::add);
        wg.await();

        assertThat(log.stream().filter(line -> line.startsWith("a"))).containsExactly(
                "a: 1", "a: 2", "a: 3", "a: 4", "a: 5", "a: 6", "a: 7", "a: 8", "a is closed");
        assertThat(log.stream().filter(line -> line.startsWith("b"))).containsExactly("b is closed");
        assertThat(merge.values).isEqualTo(8);
        assertThat(merge.rounds).isEqualTo(10);
    }
}
