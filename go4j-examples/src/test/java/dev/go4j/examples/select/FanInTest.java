package dev.go4j.examples.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.testing.UnorderedOutput;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;

class FanInTest {
    /** The producers' messages interleave in no fixed order. */
    @UnorderedOutput("""
            alice says 1
            alice says 2
            alice says 3
            bob says 1
            bob says 2
            bob says 3
            carol says 1
            carol says 2
            carol says 3
            """)
    void everyMessageArrivesOnce() {
        FanIn.run();
    }

    /** Whatever the interleaving, each producer's own messages keep the order it sent them in. */
    @RepeatedTest(20)
    void eachProducersMessagesStayInOrder() {
        List<String> names = List.of("p", "q", "r", "s");
        List<String> merged = FanIn.fanIn(names, 25);

        assertThat(merged).hasSize(100).doesNotHaveDuplicates();
        for (String name : names) {
            List<String> own = merged.stream().filter(m -> m.startsWith(name + " ")).toList();
            assertThat(own).as(name).hasSize(25).isSortedAccordingTo(
                    (x, y) -> Integer.compare(number(x), number(y)));
        }
    }

    private static int number(String message) {
        return Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1));
    }
}
