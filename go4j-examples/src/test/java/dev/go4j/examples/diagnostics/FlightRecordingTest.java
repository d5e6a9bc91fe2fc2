package dev.go4j.examples.diagnostics;

import dev.go4j.testing.Output;
import java.nio.file.Files;

class FlightRecordingTest {
    /** main waits in the select until it times out; the queue is closed with both jobs in it. */
    @Output("""
            no result within 50 ms
            dev.go4j.GoroutineBlocked: [select] on "results", timed true
            dev.go4j.ChannelClosed: "jobs", capacity 3, still buffered 2, receivers woken 0
            recorded to go4j-tour.jfr; print it with the JDK's jfr tool:
              jfr print --events dev.go4j.GoroutineBlocked,dev.go4j.ChannelClosed go4j-tour.jfr
            """)
    void theRecordingSaysWhoWaitedOnWhatAndWhatTheCloseLeftBehind() throws Exception {
        FlightRecording.run(Files.createTempDirectory("flight-recording"));
    }
}
