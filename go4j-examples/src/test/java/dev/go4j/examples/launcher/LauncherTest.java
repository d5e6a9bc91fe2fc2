package dev.go4j.examples.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests the {@code ./go4j} launcher script at the repository root by running it with {@code bash} in controlled
 * environments: fake JDKs that are too old, a restricted {@code PATH}, and a fake {@code mvn}. A run of the script
 * may take up to {@link #TIMEOUT} before it fails the test with the script's output, so the class's JUnit timeout
 * is longer than the default (its slowest test takes about 4 s).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LauncherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** A stand-in for a JDK 17: answers {@code -version} like one, fails at anything else. */
    private static final String FAKE_JAVA_17 = """
            #!/bin/sh
            if [ "$1" = "-version" ]; then
              echo 'openjdk version "17.0.15" 2025-04-15' >&2
              echo 'OpenJDK Runtime Environment (build 17.0.15+6)' >&2
              exit 0
            fi
            echo "fake java 17 cannot run: $*" >&2
            exit 1
            """;

    /** A stand-in for Maven that must not be called at all. */
    private static final String UNEXPECTED_MVN = """
            #!/bin/sh
            echo "UNEXPECTED MAVEN CALL: mvn $*" >&2
            exit 97
            """;

    /**
     * A stand-in for Maven in a fake repository (FAKE_ROOT): logs its arguments, copies prepared Surefire reports
     * into place, provides go4j-core's jar if it is missing (but, like maven-jar-plugin with nothing to do, leaves
     * an existing one untouched), and exits with FAKE_MVN_STATUS.
     */
    private static final String FAKE_MVN = """
            #!/bin/sh
            printf '%s\\n' "$*" >> "$FAKE_MVN_LOG"
            echo "fake mvn JAVA_HOME=$JAVA_HOME"
            if [ -n "${FAKE_MVN_REPORTS:-}" ]; then
              cp -R "$FAKE_MVN_REPORTS"/. "$FAKE_ROOT"/
            fi
            if [ -n "${FAKE_MVN_JAR:-}" ] && [ ! -f "$FAKE_ROOT/go4j-core/target/go4j-core.jar" ]; then
              mkdir -p "$FAKE_ROOT/go4j-core/target"
              cp "$FAKE_MVN_JAR" "$FAKE_ROOT/go4j-core/target/go4j-core.jar"
            fi
            exit "${FAKE_MVN_STATUS:-0}"
            """;

    private static final String HELLO = """
            import static dev.go4j.Go.*;

            import dev.go4j.Go;
            import dev.go4j.sync.WaitGroup;

            public class Hello {
                public static void main(String[] args) {
                    Go.main(args, () -> {
                        var wg = new WaitGroup();
                        wg.go(() -> System.out.println("hello from a goroutine"));
                        wg.await();
                        System.out.println("args=" + String.join(",", args));
                    });
                }
            }
            """;

    /** A program that needs nothing of go4j, for the fake repository. */
    private static final String PLAIN = """
            public class Plain {
                public static void main(String[] args) {
                    System.out.println("plain args=" + String.join(",", args));
                    System.exit(5);
                }
            }
            """;

    /** Tools the launcher may use before it finds out that there is no JDK 21. */
    private static final List<String> TOOLS = List.of(
            "bash", "sh", "env", "readlink", "dirname", "find", "touch", "sort", "sed", "awk", "grep", "head",
            "tail", "cat", "tr", "ls", "rm", "mkdir", "uname");

    private static Path root;
    private static Path bash;

    @TempDir
    Path tmp;

    private final List<Path> symlinks = new ArrayList<>();

    @BeforeAll
    static void locateRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("go4j")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (a directory with go4j and pom.xml) above %s", Path.of("").toAbsolutePath())
                .isNotNull();
        root = dir;
        bash = onPath("bash").orElse(Path.of("/bin/bash"));
    }

    @BeforeEach
    void checkTestJdk() {
        assertThat(Runtime.version().feature()).as("the tests run on a JDK >= 21").isGreaterThanOrEqualTo(21);
    }

    /** Removes the links to real JDKs first, so that cleaning the temporary directory never reaches into them. */
    @AfterEach
    void removeSymlinks() throws IOException {
        for (Path link : symlinks) {
            Files.deleteIfExists(link);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Command line

    @ParameterizedTest
    @ValueSource(strings = {"help", "-h", "--help"})
    void helpPrintsUsageOnStdout(String flag) {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, flag);

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("usage: go4j").contains("test").contains("run File.java").contains("tour");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void helpNeedsNoJdk() throws IOException {
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", fakeJdk17("fakejdk").toString());
        env.put("GO4J_JVM_DIR", tmp.resolve("nowhere").toString());

        Result r = launch(root.resolve("go4j"), env, tmp, "help");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("usage: go4j");
    }

    @Test
    void noCommandPrintsUsageOnStderr() {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).contains("usage: go4j");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, "bogus");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).contains("go4j: unknown command \"bogus\"").contains("usage: go4j");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void runWithoutAFileIsAUsageError() {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, "run");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).contains("usage: go4j");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void runWithAMissingFileIsAUsageError() {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, "run", "NoSuchProgram.java");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).contains("NoSuchProgram.java").contains("usage: go4j");
        assertThat(r.stdout()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Finding a JDK

    @Test
    void runFindsTheNewestJdkWhenJavaHomeAndPathAreTooOld() throws IOException {
        Path fake = fakeJdk17("fakejdk");
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        link(jvms.resolve("real-jdk"), Path.of(System.getProperty("java.home")));
        link(jvms.resolve("fake-17"), fake);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("Hello.java"), HELLO);

        // The reactor has just packaged go4j-core, so the launcher must not start Maven. (Run from an IDE with a
        // stale jar, it builds with the real Maven instead.)
        String path = fake.resolve("bin") + File.pathSeparator + System.getenv("PATH");
        if (isFresh(root.resolve("go4j-core/target/go4j-core.jar"),
                root.resolve("go4j-core/src"), root.resolve("go4j-core/pom.xml"), root.resolve("pom.xml"))) {
            Path noMaven = Files.createDirectories(tmp.resolve("no-maven"));
            executable(noMaven.resolve("mvn"), UNEXPECTED_MVN);
            path = noMaven + File.pathSeparator + path;
        }
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", fake.toString());
        env.put("PATH", path);
        env.put("GO4J_JVM_DIR", jvms.toString());

        // A relative path, resolved against the caller's directory.
        Result r = launch(root.resolve("go4j"), env, work, "run", "Hello.java", "a", "b c");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("hello from a goroutine").contains("args=a,b c");
        assertThat(r.stdout().indexOf("hello from a goroutine")).isLessThan(r.stdout().indexOf("args="));
        assertThat(r.stderr()).doesNotContain("UNEXPECTED MAVEN CALL").doesNotContain("BUILD FAILURE");
    }

    /** {@code run} puts go4j-core on the module path: a program sees the exported packages and nothing else. */
    @Test
    void runKeepsTheInternalPackagesOutOfReach() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("Peek.java"), """
                public class Peek {
                    public static void main(String[] args) {
                        dev.go4j.internal.park.Park.unpark(Thread.currentThread());
                    }
                }
                """);
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Result r = launch(root.resolve("go4j"), env, work, "run", "Peek.java");
        assertThat(r.exitCode()).as(r.describe()).isNotZero();
        assertThat(r.stderr()).contains("package dev.go4j.internal.park is not visible");
    }

    @Test
    void failsClearlyWhenNoJdk21IsAnywhere() throws IOException {
        Path fake = fakeJdk17("fakejdk");
        Path jvms = Files.createDirectories(tmp.resolve("jvms"));
        link(jvms.resolve("fake-17"), fake);
        // The only java visible on PATH is the fake one.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : TOOLS) {
            Optional<Path> found = onPath(tool);
            if (found.isPresent()) {
                link(bin.resolve(tool), found.get());
            }
        }
        link(bin.resolve("java"), fake.resolve("bin/java"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("Hello.java"), HELLO);
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", fake.toString());
        env.put("PATH", bin.toString());
        env.put("GO4J_JVM_DIR", jvms.toString());

        Result r = launch(root.resolve("go4j"), env, work, "run", "Hello.java");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr())
                .contains("JDK 21")
                .contains("JAVA_HOME=" + fake + ": 17")
                .contains("java on PATH (" + bin.resolve("java") + "): 17")
                .contains("fake-17: 17");
        assertThat(r.stdout()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // A copy of the launcher in a fake repository, with a fake Maven

    @Test
    void testRunsMavenThenPrintsTotalsOfAllReportsAndExitsWithMavensStatus() throws IOException {
        Path fakeRoot = fakeRepository();
        // A report left over from an earlier build must not count.
        Files.writeString(Files.createDirectories(fakeRoot.resolve("go4j-testing/target/surefire-reports"))
                .resolve("TEST-old.Stale.xml"), report("old.Stale", 100, 0, 0, 0));
        Path reports = tmp.resolve("reports");
        Files.writeString(Files.createDirectories(reports.resolve("go4j-core/target/surefire-reports"))
                .resolve("TEST-dev.go4j.ATest.xml"), report("dev.go4j.ATest", 10, 3, 1, 2));
        Files.writeString(Files.createDirectories(reports.resolve("go4j-examples/target/surefire-reports"))
                .resolve("TEST-dev.go4j.BTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                <testsuite
                    name="dev.go4j.BTest" time="0.2" tests="5"
                    errors="0" skipped="0" failures="0">
                  <testcase name="b" classname="dev.go4j.BTest" time="0.1"/>
                </testsuite>
                </testsuites>
                """);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_REPORTS", reports.toString());
        env.put("FAKE_MVN_STATUS", "3");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-Pstress", "-Dx=a b");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
        assertThat(mavenCalls()).containsExactly(
                "-B -ntp -f " + fakeRoot.resolve("pom.xml") + " clean verify -Pstress -Dx=a b");
        assertThat(r.stdout()).contains("fake mvn JAVA_HOME=");
        List<String> lines = r.stdout().strip().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("9 passed, 4 failed, 2 skipped");
    }

    @Test
    void testPrintsZeroTotalsWhenMavenWroteNoReports() throws IOException {
        Path fakeRoot = fakeRepository();
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_STATUS", "1");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout().strip()).endsWith("0 passed, 0 failed, 0 skipped");
    }

    @Test
    void runBuildsOnlyWhenTheJarIsMissingOrStale() throws IOException {
        Path fakeRoot = fakeRepository();
        Path jar = fakeRoot.resolve("go4j-core/target/go4j-core.jar");
        Path source = fakeRoot.resolve("go4j-core/src/main/java/dev/go4j/Go.java");
        Files.setLastModifiedTime(source, hoursAgo(2));
        Path program = tmp.resolve("Plain.java");
        Files.writeString(program, PLAIN);
        Map<String, String> env = fakeMavenEnv(fakeRoot);

        // No jar yet: build, then run; the program's exit status is the launcher's.
        Result first = launch(fakeRoot.resolve("go4j"), env, tmp, "run", "Plain.java", "x");
        assertThat(first.exitCode()).as(first.describe()).isEqualTo(5);
        assertThat(first.stdout()).isEqualTo("plain args=x\n");
        assertThat(first.stderr()).contains("fake mvn JAVA_HOME=");
        assertThat(mavenCalls()).containsExactly(
                "-q -B -ntp -f " + fakeRoot.resolve("pom.xml") + " -DskipTests -pl go4j-core -am package");

        // Fresh jar: no Maven.
        Result second = launch(fakeRoot.resolve("go4j"), env, tmp, "run", program.toString(), "y");
        assertThat(second.exitCode()).as(second.describe()).isEqualTo(5);
        assertThat(second.stdout()).isEqualTo("plain args=y\n");
        assertThat(mavenCalls()).hasSize(1);

        // A source newer than the jar: Maven again, which leaves the jar as it is; the launcher marks it rebuilt.
        Files.setLastModifiedTime(jar, hoursAgo(3));
        launch(fakeRoot.resolve("go4j"), env, tmp, "run", "Plain.java");
        assertThat(mavenCalls()).hasSize(2);
        assertThat(Files.getLastModifiedTime(jar).toInstant()).isAfter(hoursAgo(1).toInstant());
        launch(fakeRoot.resolve("go4j"), env, tmp, "run", "Plain.java");
        assertThat(mavenCalls()).hasSize(2);

        // A changed root pom.xml counts too, and a failed build ends the launcher with Maven's status.
        Files.setLastModifiedTime(fakeRoot.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(3600)));
        env.put("FAKE_MVN_STATUS", "7");
        Result failed = launch(fakeRoot.resolve("go4j"), env, tmp, "run", "Plain.java");
        assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(7);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).contains("build failed");
        assertThat(mavenCalls()).hasSize(3);
    }

    @Test
    void worksThroughASymlinkFromAnyDirectory() throws IOException {
        Path link = link(tmp.resolve("elsewhere/g4"), root.resolve("go4j"));

        Result r = launch(link, baseEnv(), Path.of("/"), "help");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("usage: go4j");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    record Result(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "--- stderr:\n" + stderr;
        }
    }

    /** Runs {@code bash script args} in {@code dir} with exactly {@code env}, within {@link #TIMEOUT}. */
    private Result launch(Path script, Map<String, String> env, Path dir, String... args) {
        try {
            Path out = Files.createTempFile(tmp, "stdout", ".txt");
            Path err = Files.createTempFile(tmp, "stderr", ".txt");
            List<String> command = new ArrayList<>();
            command.add(bash.toString());
            command.add(script.toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("%s timed out after %s\n--- stdout:\n%s--- stderr:\n%s", command, TIMEOUT,
                        Files.readString(out), Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A small, fixed environment: nothing of the test's own JAVA_HOME, JAVA_TOOL_OPTIONS and so on. */
    private static Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private Map<String, String> fakeMavenEnv(Path fakeRoot) throws IOException {
        Path mavenBin = Files.createDirectories(tmp.resolve("fake-maven"));
        executable(mavenBin.resolve("mvn"), FAKE_MVN);
        Path emptyJar = tmp.resolve("empty.jar");
        if (!Files.exists(emptyJar)) {
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(emptyJar))) {
                jar.finish();
            }
        }
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", mavenBin + File.pathSeparator + env.get("PATH"));
        env.put("FAKE_ROOT", fakeRoot.toString());
        env.put("FAKE_MVN_LOG", tmp.resolve("mvn.log").toString());
        env.put("FAKE_MVN_JAR", emptyJar.toString());
        return env;
    }

    private List<String> mavenCalls() throws IOException {
        Path log = tmp.resolve("mvn.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** A repository with the launcher's layout and a copy of the launcher, but no Java in it. */
    private Path fakeRepository() throws IOException {
        Path fakeRoot = Files.createDirectories(tmp.resolve("fake-repo"));
        Files.copy(root.resolve("go4j"), fakeRoot.resolve("go4j"));
        Files.writeString(fakeRoot.resolve("pom.xml"), "<project/>\n");
        for (String module : List.of("go4j-core", "go4j-testing", "go4j-examples")) {
            Path dir = Files.createDirectories(fakeRoot.resolve(module));
            Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
            Files.setLastModifiedTime(dir.resolve("pom.xml"), hoursAgo(2));
        }
        Path source = Files.createDirectories(fakeRoot.resolve("go4j-core/src/main/java/dev/go4j")).resolve("Go.java");
        Files.writeString(source, "package dev.go4j;\n");
        Files.setLastModifiedTime(fakeRoot.resolve("pom.xml"), hoursAgo(2));
        return fakeRoot;
    }

    private static String report(String name, int tests, int failures, int errors, int skipped) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="%s" \
                time="0.1" tests="%d" errors="%d" skipped="%d" failures="%d">
                  <properties>
                    <property name="tests" value="1000"/>
                  </properties>
                  <testcase name="t" classname="%s" time="0.01"/>
                </testsuite>
                """.formatted(name, tests, errors, skipped, failures, name);
    }

    private Path fakeJdk17(String name) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        executable(Files.createDirectories(home.resolve("bin")).resolve("java"), FAKE_JAVA_17);
        return home;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
        symlinks.add(link);
        return link;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** As the launcher sees it: the jar exists and nothing among the inputs is newer. */
    private static boolean isFresh(Path jar, Path... inputs) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(input)) {
                boolean newer = files.anyMatch(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (newer) {
                    return false;
                }
            }
        }
        return true;
    }

    private static FileTime hoursAgo(int hours) {
        return FileTime.from(Instant.now().minus(Duration.ofHours(hours)));
    }
}
