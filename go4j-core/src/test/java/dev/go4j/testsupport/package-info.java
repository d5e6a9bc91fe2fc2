/**
 * The test base of go4j's tests, shared by every module through go4j-core's test-jar: {@link
 * dev.go4j.testsupport.GoTesting} (scaled hang guards, starting, awaiting and joining goroutines), {@link
 * dev.go4j.testsupport.Spawned} (a goroutine whose ending a test inspects), {@link dev.go4j.testsupport.Fixture}
 * and {@link dev.go4j.testsupport.Fixtures} (test classes only other tests run, through JUnit's EngineTestKit) and
 * {@link dev.go4j.testsupport.HangReport} (a JUnit timeout names every goroutine and what it waits on) and
 * {@link dev.go4j.testsupport.Allocations} (bytes allocated by the current thread). Not part of go4j's API.
 */
package dev.go4j.testsupport;
