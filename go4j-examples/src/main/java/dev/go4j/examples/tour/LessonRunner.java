package dev.go4j.examples.tour;

import java.io.IOException;

/**
 * Runs one lesson and reports its exit status. The tour's runner is {@link ChildJvm}; tests of the tour's command
 * line use a fake.
 *
 * {@snippet :
 * LessonRunner runner = ChildJvm.inheritingIo();
 * int status = runner.run(lesson); // 0 when the lesson's main returned
 * }
 */
@FunctionalInterface
interface LessonRunner {
    /**
     * Runs {@code lesson} to its end.
     *
     * @param lesson the lesson to run
     * @return its exit status
     * @throws IOException if it cannot be started
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    int run(Lesson lesson) throws IOException, InterruptedException;
}
