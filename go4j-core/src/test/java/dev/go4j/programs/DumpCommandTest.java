package dev.go4j.programs;

import static dev.go4j.Go.go;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.WaitReason;
import dev.go4j.programs.JavaProcess.Outcome;
import dev.go4j.programs.JavaProcess.Running;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./go4j dump <pid>} against live go4j programs in child JVMs, through the launcher at the repository
 * root: the dump of a program on the class path and on the module path, and one clear line with exit status 1
 * for each way it can fail.
 */
class DumpCommandTest {
    private static final String MBEAN = "dev.go4j:type=Runtime";
    private static Path launcher;

    /**
     * A Go.main program: goroutine 2 blocks on a channel named "jobs", then main says "ready" on standard error
     * (where {@link Running#awaitStderrLine} looks) and sleeps.
     */
    static final class Jobs {
        public static void main(String[] args) {
            Go.main(args, () -> {
                Chan<String> jobs = Chan.<String>make().named("jobs");
                go(jobs::receive);
                awaitReceiverOn("jobs");
                if (!"false".equals(System.getProperty("go4j.jmx"))) {
                    awaitMBean(new ObjectName(MBEAN));
                }
                System.err.println("ready");
                Go.sleep(Duration.ofHours(1));
            });
        }

        /** Waits until a goroutine is blocked receiving from the channel {@code name}; public API only. */
        private static void awaitReceiverOn(String name) {
            String channel = "chan \"" + name + "\""; // then its length and capacity
            while (Go.goroutines().stream().noneMatch(g -> g.waitReason() == WaitReason.CHAN_RECEIVE
                    && g.waitingOn() != null && g.waitingOn().startsWith(channel))) {
                Go.sleep(Duration.ofMillis(1));
            }
        }

        /** Waits until go4j's background registration of the MBean {@code name} is done. */
        private static void awaitMBean(ObjectName name) throws Exception {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            CountDownLatch registered = new CountDownLatch(1);
            NotificationListener listener = (notification, handback) -> {
                if (notification instanceof MBeanServerNotification n && name.equals(n.getMBeanName())) {
                    registered.countDown();
                }
            };
            server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
            if (!server.isRegistered(name)) {
                registered.await();
            }
        }
    }

    @BeforeAll
    static void locateLauncher() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("go4j")) && Files.isDirectory(dir.resolve("tools")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above %s", Path.of("").toAbsolutePath()).isNotNull();
        launcher = dir.resolve("go4j");
    }

    @Test
    void printsTheGoroutinesOfAProgramOnTheClassPath() throws Exception {
        assertDumpOfJobs(List.of(JavaProcess.SCHEDULER_ACCESS));
    }

    /** On the module path dev.go4j's internal packages are closed to java.management: the MBean must not care. */
    @Test
    void printsTheGoroutinesOfAProgramOnTheModulePath() throws Exception {
        Path classes = Path.of(Go.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertDumpOfJobs(List.of("--module-path", classes.toString(), "--add-modules", "dev.go4j",
                "--add-opens=java.base/java.lang=dev.go4j"));
    }

    private static void assertDumpOfJobs(List<String> jvmOptions) throws Exception {
        Dumped jobs = dumpOfJobs(jvmOptions);
        assertThat(jobs.outcome.exitStatus()).as(jobs.outcome.stderr()).isZero();
        assertThat(jobs.outcome.stderr()).isEmpty();
        assertThat(jobs.outcome.stdout())
                .startsWith("goroutine 1 [sleep]:\n")
                .containsPattern("(?m)^goroutine \\d+ \\[chan receive, on \"jobs\"\\]:$")
                .contains("DumpCommandTest$Jobs");
    }

    @Test
    void saysWhenTheProgramHasNoMBean() throws Exception {
        Dumped jobs = dumpOfJobs(List.of(JavaProcess.SCHEDULER_ACCESS, "-Dgo4j.jmx=false"));
        assertThat(failure(jobs.outcome)).isEqualTo("go4j: dump: process " + jobs.pid + " has no MBean " + MBEAN
                + ": go4j registers it a second after the program's first goroutine starts, so either it is not a go4j"
                + " program, or no goroutine has started yet, or it runs with -Dgo4j.jmx=false\n");
    }

    @Test
    void saysWhenTheJvmRefusesToBeAttached() throws Exception {
        Dumped jobs = dumpOfJobs(List.of(JavaProcess.SCHEDULER_ACCESS, "-XX:+DisableAttachMechanism"));
        assertThat(failure(jobs.outcome)).startsWith("go4j: dump: cannot attach to process " + jobs.pid + ": ")
                .endsWith(" (attaching needs a JVM of the same user, run without -XX:+DisableAttachMechanism)\n");
    }

    @Test
    void saysWhenThereIsNoSuchProcess() throws Exception {
        long pid = Integer.MAX_VALUE; // above every kernel's pid_max
        assertThat(failure(dump(pid))).isEqualTo("go4j: dump: no process with pid " + pid + "\n");
    }

    /** The Attach API would send SIGQUIT, which ends most programs: a process that does not catch it is left alone. */
    @Test
    void leavesAProcessAloneThatIsNoJvm() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux's /proc");
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            assertThat(failure(dump(sleeper.pid()))).isEqualTo("go4j: dump: process " + sleeper.pid() + " is not"
                    + " a JVM (it does not catch SIGQUIT, the signal that starts a JVM's attach listener)\n");
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** What {@code ./go4j dump} said about a child running {@link Jobs}, and the child's pid. */
    private record Dumped(long pid, Outcome outcome) {
    }

    /** Starts {@link Jobs} with {@code jvmOptions}, dumps it once it is ready, and kills it. */
    private static Dumped dumpOfJobs(List<String> jvmOptions) throws Exception {
        Running child = JavaProcess.start(jvmOptions, Jobs.class);
        long pid = child.process().pid();
        try {
            child.awaitStderrLine("ready");
            return new Dumped(pid, dump(pid));
        } finally {
            child.process().destroyForcibly();
            child.await(JavaProcess.TIMEOUT);
        }
    }

    /** The one line of a failed dump: checks the exit status (1) and that nothing went to standard output. */
    private static String failure(Outcome dump) {
        assertThat(dump.exitStatus()).as(dump.stderr()).isEqualTo(1);
        assertThat(dump.stdout()).isEmpty();
        return dump.stderr();
    }

    /** Runs {@code ./go4j dump pid} with the JDK running the tests, in a small environment of its own. */
    private static Outcome dump(long pid) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", launcher.toString(), "dump", Long.toString(pid))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return JavaProcess.start(builder, "go4j dump " + pid).await(JavaProcess.TIMEOUT);
    }
}
