package dev.go4j.examples.testing;

import dev.go4j.testing.Output;

class RaceReplayTest {
    /** Exploration finds the race, its seed replays it (twice, the same way), and the Mutex passes every schedule. */
    @Output("""
            unguarded: found a failing schedule: true
              failure: balance went negative: -60
              replay 1 of its seed: balance went negative: -60
              replay 2 of its seed: balance went negative: -60
            guarded by a Mutex: 1000 schedules, failure: none
            """)
    void theRaceIsFoundReplayedAndFixed() {
        RaceReplay.run();
    }
}
