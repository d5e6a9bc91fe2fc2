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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
     * A stand-in for Maven in a fake repository (FAKE_ROOT): answers {@code --version} as Maven FAKE_MVN_VERSION
     * (3.9.9 if unset); otherwise logs its arguments, copies prepared Surefire reports into place, prints the file
     * FAKE_MVN_OUTPUT if set (Maven's output for the launcher to read), provides go4j-core's jar if it is missing
     * (but, like maven-jar-plugin with nothing to do, leaves an existing one untouched), writes a javadoc index if
     * FAKE_MVN_DOCS is set, and exits with FAKE_MVN_STATUS.
     */
    private static final String FAKE_MVN = """
            #!/bin/sh
            if [ "$1" = "--version" ]; then
              echo "Apache Maven ${FAKE_MVN_VERSION:-3.9.9} (fake)"
              exit 0
            fi
            printf '%s\\n' "$*" >> "$FAKE_MVN_LOG"
            echo "fake mvn JAVA_HOME=$JAVA_HOME"
            if [ -n "${FAKE_MVN_REPORTS:-}" ]; then
              cp -R "$FAKE_MVN_REPORTS"/. "$FAKE_ROOT"/
            fi
            if [ -n "${FAKE_MVN_OUTPUT:-}" ]; then
              cat "$FAKE_MVN_OUTPUT"
            fi
            if [ -n "${FAKE_MVN_JAR:-}" ] && [ ! -f "$FAKE_ROOT/go4j-core/target/go4j-core.jar" ]; then
              mkdir -p "$FAKE_ROOT/go4j-core/target"
              cp "$FAKE_MVN_JAR" "$FAKE_ROOT/go4j-core/target/go4j-core.jar"
            fi
            if [ -n "${FAKE_MVN_DOCS:-}" ]; then
              mkdir -p "$FAKE_ROOT/target/reports/apidocs"
              echo '<html></html>' > "$FAKE_ROOT/target/reports/apidocs/index.html"
            fi
            exit "${FAKE_MVN_STATUS:-0}"
            """;

    /**
     * Maven's output for one "go4j test" run in the fake repository, as Maven 3.8 prints it: go4j-core passes,
     * go4j-testing has failures (see {@link #FAILING_REPORT}), go4j-examples finds no test to run, and a module
     * that needs go4j-testing is skipped.
     */
    private static final String MAVEN_TEST_OUTPUT = """
            [INFO] Scanning for projects...
            [INFO] --- maven-clean-plugin:3.5.0:clean (default-clean) @ go4j-parent ---
            [INFO] --- maven-clean-plugin:3.5.0:clean (default-clean) @ go4j-core ---
            [INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ go4j-core ---
            [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0
            [INFO] --- maven-clean-plugin:3.5.0:clean (default-clean) @ go4j-testing ---
            [INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ go4j-testing ---
            [ERROR] Tests run: 3, Failures: 1, Errors: 1, Skipped: 0
            [INFO] --- maven-clean-plugin:3.5.0:clean (default-clean) @ go4j-examples ---
            [INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ go4j-examples ---
            [INFO] No tests to run.
            [INFO] ------------------------------------------------------------------------
            [INFO] Reactor Summary for go4j 0.1.0-SNAPSHOT:
            [INFO]
            [INFO] go4j-core .......................................... SUCCESS [  1.000 s]
            [INFO] go4j-testing ....................................... FAILURE [  1.000 s]
            [INFO] go4j-examples ...................................... SUCCESS [  1.000 s]
            [INFO] go4j-needs-testing ................................. SKIPPED
            [INFO] ------------------------------------------------------------------------
            [INFO] BUILD FAILURE
            [INFO] ------------------------------------------------------------------------
            [INFO] Total time:  3.000 s
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test (default-test) \
            on project go4j-testing: There are test failures.
            [ERROR]
            [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
            """;

    /**
     * go4j-testing's report for {@link #MAVEN_TEST_OUTPUT}, in Surefire's format: one test passes, one fails with
     * an XML-escaped message, a stack trace and some output, one errs with a two-line message and no trace.
     */
    private static final String FAILING_REPORT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" \
            name="dev.go4j.testing.XTest" time="0.1" tests="3" errors="1" skipped="0" failures="1">
              <properties>
                <property name="failures" value="7"/>
              </properties>
              <testcase name="passes" classname="dev.go4j.testing.XTest" time="0.028"/>
              <testcase name="fails" classname="dev.go4j.testing.XTest" time="0.013">
                <failure message="one &amp; &lt;two&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[\
            org.opentest4j.AssertionFailedError: one & <two>
            \tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:601)
            \tat dev.go4j.testing.XTest.fails(XTest.java:6)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
            ]]></failure>
                <system-out><![CDATA[some output
            more output
            ]]></system-out>
              </testcase>
              <testcase name="errs" classname="dev.go4j.testing.XTest" time="0.002">
                <error message="boom&#10;second line" type="java.lang.IllegalStateException"/>
              </testcase>
            </testsuite>
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

    /** Tools "go4j test" also uses (there is a JDK, but maybe no Maven on PATH). */
    private static final List<String> TEST_TOOLS = List.of("mktemp", "mv", "cp", "mawk", "gawk");

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
        assertThat(r.stdout()).contains("usage: go4j").contains("test").contains("run File.java").contains("tour")
                .contains("dump <pid>");
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

    /** As go's: one line, not the whole usage. */
    @Test
    void unknownCommandIsAUsageError() {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, "bogus");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("go4j: unknown command \"bogus\"; \"go4j help\" lists the commands\n");
        assertThat(r.stdout()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"tets, test", "tset, test", "tes, test", "tuor, tour", "tor, tour", "rn, run", "bnech, bench",
            "doc, docs", "verison, version", "hlep, help", "vresion, version", "dupm, dump", "dmp, dump"})
    void aMistypedCommandGetsOneLineWithTheNearestCommand(String typed, String meant) {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, typed, "x");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("go4j: unknown command \"" + typed + "\"; did you mean \"" + meant + "\"?\n");
        assertThat(r.stdout()).isEmpty();
    }

    /** Short words need a closer match: "x" is one edit from nothing but too far from everything. */
    @ParameterizedTest
    @ValueSource(strings = {"x", "tx", "bogus", "testing", "-v"})
    void aWordFarFromEveryCommandGetsNoSuggestion(String typed) {
        Result r = launch(root.resolve("go4j"), baseEnv(), tmp, typed);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).doesNotContain("did you mean").contains("\"go4j help\" lists the commands");
    }

    /** {@code dump} takes exactly one process id, checked before any JDK is looked for. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|go4j: dump: which process? (go4j dump <pid>)",
            "1 2|go4j: dump: which process? (go4j dump <pid>)",
            "12x|go4j: dump: not a process id: \"12x\"",
            "-1|go4j: dump: not a process id: \"-1\""})
    void dumpTakesOneProcessId(String args, String message) throws IOException {
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", fakeJdk17("fakejdk").toString());
        env.put("GO4J_JVM_DIR", tmp.resolve("nowhere").toString());
        List<String> command = new ArrayList<>(List.of("dump"));
        if (args != null) {
            command.addAll(List.of(args.split(" ")));
        }

        Result r = launch(root.resolve("go4j"), env, tmp, command.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).startsWith(message + "\n\nusage: go4j");
        assertThat(r.stdout()).isEmpty();
    }

    /** A JDK image without the Attach API (a jlinked runtime) cannot attach: said before anything runs. */
    @Test
    void dumpNeedsAJdkWithTheAttachApi() throws IOException {
        Path home = fakeJdk("fakejdk21", FAKE_JAVA_17.replace("17.0.15", "21.0.7"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"21.0.7\"\nMODULES=\"java.base java.management\"\n");
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", home.toString());

        Result r = launch(root.resolve("go4j"), env, tmp, "dump", "4242");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("go4j: dump: the JDK at " + home + " has no module jdk.attach; dump needs a"
                + " full JDK (jdk.attach, jdk.compiler)\n");
        assertThat(r.stdout()).isEmpty();
    }

    @Test
    void versionPrintsTheRootPomsVersionAndTheJdkWithoutMaven() throws IOException {
        Path fakeRoot = fakeRepository();
        Files.writeString(fakeRoot.resolve("pom.xml"), """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.example</groupId>
                    <artifactId>base</artifactId>
                    <version>9.9</version>
                  </parent>
                  <groupId>dev.go4j</groupId>
                  <artifactId>go4j-parent</artifactId>
                  <version>1.2.3-TEST</version>
                  <dependencies><dependency><version>7</version></dependency></dependencies>
                </project>
                """);
        Path noMaven = Files.createDirectories(tmp.resolve("no-maven"));
        executable(noMaven.resolve("mvn"), UNEXPECTED_MVN);
        Map<String, String> env = baseEnv();
        String home = System.getProperty("java.home");
        env.put("JAVA_HOME", home);
        env.put("PATH", noMaven + File.pathSeparator + env.get("PATH"));

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "version");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("go4j 1.2.3-TEST (JDK " + System.getProperty("java.version") + " at " + home
                + ")\n");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void theRealRootPomsVersionIsTheOneVersionPrints() throws IOException {
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", System.getProperty("java.home"));

        Result r = launch(root.resolve("go4j"), env, tmp, "version");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        String pom = Files.readString(root.resolve("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
        assertThat(version).isNotBlank();
        assertThat(r.stdout()).startsWith("go4j " + version + " (JDK ");
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
                    name="dev.go4j.BTest" time="0.2" tests="0"
                    errors="0" skipped="0" failures="0">
                  <testcase name="b1" classname="dev.go4j.BTest$Nested" time="0.1"/>
                  <testcase name="b2" classname="dev.go4j.BTest$Nested" time="0.1"/>
                  <testcase name="b3" classname="dev.go4j.BTest$Nested" time="0.1"/>
                  <testcase name="b4" classname="dev.go4j.BTest$Nested" time="0.1"/>
                  <testcase name="b5" classname="dev.go4j.BTest$Nested" time="0.1"/>
                </testsuite>
                </testsuites>
                """);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_REPORTS", reports.toString());
        env.put("FAKE_MVN_STATUS", "3");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-Pstress", "-Dx=a b");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
        assertThat(mavenCalls()).containsExactly(
                "-B -ntp -f " + fakeRoot.resolve("pom.xml") + " --fail-at-end clean verify -Pstress -Dx=a b");
        // Maven's output goes to the log, not to the terminal; each module with reports gets its line, counting
        // test cases (BTest's suite says tests="0", as Surefire writes it for a class with only nested tests).
        assertThat(r.stdout()).doesNotContain("fake mvn JAVA_HOME=");
        assertThat(Files.readString(fakeRoot.resolve("target/go4j-test.log"))).contains("fake mvn JAVA_HOME=");
        List<String> lines = r.stdout().strip().lines().toList();
        assertThat(lines).contains(
                "FAIL go4j-core      4 passed, 4 failed, 2 skipped",
                "ok   go4j-examples  5 passed, 0 failed, 0 skipped",
                "Maven's full log: fake-repo/target/go4j-test.log");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("9 passed, 4 failed, 2 skipped");
    }

    /** Today's bug: a build that failed before any test ran said "0 failed" and exited 1. */
    @Test
    void aBuildThatFailsWithoutReportsCountsAsOneFailureAndSaysWhy() throws IOException {
        Path fakeRoot = fakeRepository();
        Path output = mavenOutput("""
                [INFO] Scanning for projects...
                [ERROR] Unknown lifecycle phase "nonsense". You must specify a valid lifecycle phase. -> [Help 1]
                [ERROR]
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                """);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_STATUS", "1");
        env.put("FAKE_MVN_OUTPUT", output.toString());

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test", "nonsense");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout()).isEqualTo("""
                FAIL build          build failed (mvn exited with status 1)
                    Unknown lifecycle phase "nonsense". You must specify a valid lifecycle phase.
                Maven's full log: fake-repo/target/go4j-test.log
                0 passed, 1 failed, 0 skipped
                """);
    }

    /** The exit status agrees with the last line both ways, whatever Maven's status says. */
    @ParameterizedTest
    @CsvSource({"0, 0, 0, '3 passed, 0 failed, 0 skipped'", "0, 2, 1, '1 passed, 2 failed, 0 skipped'",
            "4, 2, 4, '1 passed, 2 failed, 0 skipped'"})
    void theExitStatusIsNonZeroExactlyWhenSomethingFailed(int mavenStatus, int failures, int exitStatus,
            String totals) throws IOException {
        Path fakeRoot = fakeRepository();
        Path reports = fakeReport("go4j-core", "dev.go4j.ATest", report("dev.go4j.ATest", 3, failures, 0, 0));
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_REPORTS", reports.toString());
        env.put("FAKE_MVN_STATUS", String.valueOf(mavenStatus));

        // e.g. -Dmaven.test.failure.ignore=true: Maven succeeds although tests failed.
        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-Dmaven.test.failure.ignore=true");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(exitStatus);
        assertThat(r.stdout().strip().lines().toList()).last().isEqualTo(totals);
    }

    @Test
    void testPrintsALinePerModuleAndTheFailedTestsButNotMavensOutput() throws IOException {
        Path fakeRoot = fakeRepository();
        fakeReport("go4j-core", "dev.go4j.ATest", report("dev.go4j.ATest", 3, 0, 0, 0));
        Path reports = fakeReport("go4j-testing", "dev.go4j.testing.XTest", FAILING_REPORT);
        Path output = mavenOutput(MAVEN_TEST_OUTPUT);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_REPORTS", reports.toString());
        env.put("FAKE_MVN_OUTPUT", output.toString());
        env.put("FAKE_MVN_STATUS", "1");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout().replaceAll("\\(\\d+ s\\)", "(N s)")).isEqualTo("""
                ok   go4j-core      3 passed, 0 failed, 0 skipped  (N s)
                FAIL go4j-testing   1 passed, 2 failed, 0 skipped  (N s)
                --- FAIL: dev.go4j.testing.XTest.fails (0.013 s)
                    org.opentest4j.AssertionFailedError: one & <two>
                        at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:601)
                        at dev.go4j.testing.XTest.fails(XTest.java:6)
                    output:
                        some output
                        more output
                --- FAIL: dev.go4j.testing.XTest.errs (0.002 s)
                    boom
                    second line
                ok   go4j-examples  no tests to run  (N s)
                skip go4j-needs-testing  not run: it needs a module that failed
                Maven's full log: fake-repo/target/go4j-test.log
                4 passed, 2 failed, 0 skipped
                """);
        assertThat(r.stderr()).isEmpty();
        assertThat(Files.readString(fakeRoot.resolve("target/go4j-test.log")))
                .contains("fake mvn JAVA_HOME=", "[INFO] Reactor Summary", "[ERROR] Tests run: 3, Failures: 1");
    }

    @Test
    void testVerboseAlsoStreamsMavensOutput() throws IOException {
        Path fakeRoot = fakeRepository();
        Path reports = fakeReport("go4j-core", "dev.go4j.ATest", report("dev.go4j.ATest", 3, 0, 0, 0));
        Path output = mavenOutput("""
                [INFO] --- maven-surefire-plugin:3.5.4:test (default-test) @ go4j-core ---
                [INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0
                \033[0m[INFO] BUILD SUCCESS\033[0m
                """);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_REPORTS", reports.toString());
        env.put("FAKE_MVN_OUTPUT", output.toString());

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-v");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(mavenCalls()).containsExactly("-B -ntp -f " + fakeRoot.resolve("pom.xml") + " --fail-at-end clean verify");
        assertThat(r.stdout()).contains("fake mvn JAVA_HOME=", "[INFO] Tests run: 3, Failures: 0", "[INFO] BUILD SUCCESS\n")
                .doesNotContain("\033")
                .contains("ok   go4j-core      3 passed, 0 failed, 0 skipped  (")
                .endsWith("\n3 passed, 0 failed, 0 skipped\n");
    }

    /** A module that fails to build (no failing test) gets a FAIL line with Maven's error report, and counts. */
    @Test
    void aModuleThatFailsToBuildGetsMavensErrorsAndCountsAsAFailure() throws IOException {
        Path fakeRoot = fakeRepository();
        Path output = mavenOutput("""
                [INFO] --- maven-clean-plugin:3.5.0:clean (default-clean) @ go4j-core ---
                [INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ go4j-core ---
                [ERROR] COMPILATION ERROR :
                [ERROR] /src/Go.java:[2,27] cannot find symbol
                [INFO] BUILD FAILURE
                [INFO] Total time:  3.000 s
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile \
                (default-compile) on project go4j-core: Compilation failure
                [ERROR] /src/Go.java:[2,27] cannot find symbol
                [ERROR]   symbol:   variable nope
                [ERROR] -> [Help 1]
                [ERROR]
                [ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
                [ERROR] Re-run Maven using the -X switch to enable full debug logging.
                """);
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_OUTPUT", output.toString());
        env.put("FAKE_MVN_STATUS", "1");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stdout().replaceAll("\\(\\d+ s\\)", "(N s)")).isEqualTo("""
                FAIL go4j-core      build failed  (N s)
                    Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile \
                (default-compile) on project go4j-core: Compilation failure
                    /src/Go.java:[2,27] cannot find symbol
                      symbol:   variable nope
                Maven's full log: fake-repo/target/go4j-test.log
                0 passed, 1 failed, 0 skipped
                """);
    }

    @Test
    void testRunBecomesSurefiresTestFilterAndNoMatchIsNoFailure() throws IOException {
        Path fakeRoot = fakeRepository();
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        String pom = fakeRoot.resolve("pom.xml").toString();

        launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-run", "^ChanTest$/closed", "-Pstress");
        launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-run=Select", "-v");
        launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-Dtest=ChanTest");
        launch(fakeRoot.resolve("go4j"), env, tmp, "test", "-short", "--", "-run");

        assertThat(mavenCalls()).containsExactly(
                "-B -ntp -f " + pom + " --fail-at-end clean verify "
                        + "-Dtest=%regex[(?:.*/)?[^/]*?(?:(?<![^/])ChanTest(?=\\.class$))[^/]*\\.class#.*(?:closed).*] "
                        + "-Pstress -Dsurefire.failIfNoSpecifiedTests=false",
                "-B -ntp -f " + pom + " --fail-at-end clean verify "
                        + "-Dtest=%regex[(?:.*/)?[^/]*?(?:Select)[^/]*\\.class] -Dsurefire.failIfNoSpecifiedTests=false",
                "-B -ntp -f " + pom + " --fail-at-end clean verify -Dtest=ChanTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false",
                "-B -ntp -f " + pom + " --fail-at-end clean verify -run -Pshort");
    }

    /**
     * What {@code -run} selects, matched as Surefire matches a {@code %regex[CLASS#METHOD]} filter: CLASS against
     * the class file's path, METHOD against the method's name, each whole.
     */
    @ParameterizedTest
    @CsvSource(delimiterString = " | ", value = {
        "Chan             | dev/go4j/ChanTest.class             | send        | true",
        "Chan             | dev/go4j/ChanScaleTest.class        | send        | true",
        "Chan             | dev/go4j/SelectTest.class           | send        | false",
        "^ChanTest$       | dev/go4j/ChanTest.class             | send        | true",
        "^ChanTest$       | dev/go4j/ChanScaleTest.class        | send        | false",
        "^ChanTest$       | dev/go4j/XChanTest.class            | send        | false",
        "Chan|^Select     | dev/go4j/SelectTest.class           | send        | true",
        "Chan|^Select     | dev/go4j/TimeSelectTest.class       | send        | false",
        "sync.Mutex       | dev/go4j/sync/MutexTest.class       | lock        | true",
        "sync.Mutex       | dev/go4j/sync/RWMutexTest.class     | lock        | false",
        "[^W]MutexTest    | dev/go4j/sync/RWMutexTest.class     | lock        | false",
        "[^W]MutexTest    | dev/go4j/sync/AMutexTest.class      | lock        | true",
        "ChanTest/closed  | dev/go4j/ChanTest.class             | closedChan  | true",
        "ChanTest/closed  | dev/go4j/ChanTest.class             | sendClosed  | false",
        "ChanTest/Closed  | dev/go4j/ChanTest.class             | sendClosed  | true",
        "/^send$          | dev/go4j/ChanTest.class             | send        | true",
        "/^send$          | dev/go4j/SelectTest.class           | sendAll     | false",
        "/timeout|Timeout | dev/go4j/SelectTest.class           | selectTimeout | true"})
    void testRunMatchesLikeGoTestRun(String pattern, String classFile, String method, boolean selected)
            throws IOException {
        Path fakeRoot = fakeRepository();
        launch(fakeRoot.resolve("go4j"), fakeMavenEnv(fakeRoot), tmp, "test", "-run", pattern);
        String filter = mavenCalls().get(0).replaceAll(".* -Dtest=%regex\\[(.*)\\] .*", "$1");

        int hash = filter.indexOf('#');
        String classRegex = hash < 0 ? filter : filter.substring(0, hash);
        String methodRegex = hash < 0 ? "" : filter.substring(hash + 1);
        boolean matches = (classRegex.isEmpty() || classFile.matches(classRegex))
                && (methodRegex.isEmpty() || method.matches(methodRegex));
        assertThat(matches).as("%s on %s#%s (filter %s)", pattern, classFile, method, filter).isEqualTo(selected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-run          | test: -run needs a pattern (go4j test -run Pattern)",
        "-run=         | test: -run needs a pattern, not \"\"",
        "-run=/        | test: -run needs a pattern, not \"/\"",
        "-run=a,b      | test: -run: a pattern cannot hold \",\" or \"#\" (surefire splits at them)",
        "-run=A#b      | test: -run: a pattern cannot hold \",\" or \"#\" (surefire splits at them)"})
    void badRunPatternsAreOneLineUsageErrors(String flag, String message) throws IOException {
        Path fakeRoot = fakeRepository();

        Result r = launch(fakeRoot.resolve("go4j"), fakeMavenEnv(fakeRoot), tmp, "test", flag);

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo("go4j: " + message + "; \"go4j help\" shows the flags\n");
        assertThat(mavenCalls()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Which Maven

    @Test
    void withoutMavenOnPathTheWrapperBuildsAndSaysItFetchesMavenOnce() throws IOException {
        Path fakeRoot = fakeRepository();
        Files.createDirectories(fakeRoot.resolve(".mvn/wrapper"));
        Files.copy(root.resolve(".mvn/wrapper/maven-wrapper.properties"),
                fakeRoot.resolve(".mvn/wrapper/maven-wrapper.properties"));
        executable(fakeRoot.resolve("mvnw"), FAKE_MVN.replace("fake mvn", "fake mvnw"));
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("PATH", toolsOnly().toString());
        env.put("MAVEN_USER_HOME", tmp.resolve("m2").toString());

        Result first = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(mavenCalls()).containsExactly("-B -ntp -f " + fakeRoot.resolve("pom.xml") + " --fail-at-end clean verify");
        assertThat(Files.readString(fakeRoot.resolve("target/go4j-test.log"))).contains("fake mvnw JAVA_HOME=");
        String version = Files.readString(fakeRoot.resolve(".mvn/wrapper/maven-wrapper.properties"))
                .replaceAll("(?s).*distributionUrl=[^\\n]*/(apache-maven-[0-9.]+)-bin\\.zip.*", "$1");
        assertThat(first.stderr()).isEqualTo("go4j: no Maven 3.8+ on PATH; ./mvnw fetches " + version + " once (into "
                + tmp.resolve("m2") + "/wrapper)...\n");

        // Once fetched, not a word.
        Files.createDirectories(tmp.resolve("m2/wrapper/dists").resolve(version));
        Result second = launch(fakeRoot.resolve("go4j"), env, tmp, "test");
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(second.stderr()).isEmpty();
    }

    @Test
    void anMvnOlderThan38GivesWayToTheWrapper() throws IOException {
        Path fakeRoot = fakeRepository();
        Path oldMaven = Files.createDirectories(tmp.resolve("old-maven"));
        executable(oldMaven.resolve("mvn"), FAKE_MVN.replace("fake mvn", "OLD MAVEN"));
        executable(fakeRoot.resolve("mvnw"), FAKE_MVN.replace("fake mvn", "fake mvnw"));
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("PATH", oldMaven + File.pathSeparator + env.get("PATH"));
        env.put("FAKE_MVN_VERSION", "3.6.3");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stderr()).isEqualTo("go4j: " + oldMaven.resolve("mvn") + " is Maven 3.6, older than 3.8; "
                + "using ./mvnw instead\n");
        assertThat(Files.readString(fakeRoot.resolve("target/go4j-test.log")))
                .contains("fake mvnw JAVA_HOME=").doesNotContain("OLD MAVEN");
    }

    @Test
    void withoutMavenOrWrapperTheLauncherSaysSo() throws IOException {
        Path fakeRoot = fakeRepository();
        Map<String, String> env = baseEnv();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", toolsOnly().toString());

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "test");

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("go4j: Maven 3.8 or newer is not on PATH, and there is no "
                + fakeRoot.toRealPath().resolve("mvnw") + "; install Maven to build go4j.\n");
    }

    // ------------------------------------------------------------------------------------------------------------
    // docs

    @Test
    void docsRunsTheJavadocAggregateAndSaysWhereTheIndexIsOrThatItFailed() throws IOException {
        Path fakeRoot = fakeRepository();
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        env.put("FAKE_MVN_DOCS", "1");

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "docs");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(mavenCalls()).containsExactly("-q -B -ntp -f " + fakeRoot.resolve("pom.xml")
                + " -pl :go4j-parent,:go4j-core,:go4j-testing javadoc:aggregate");
        assertThat(r.stdout()).isEqualTo("go4j docs: fake-repo/target/reports/apidocs/index.html\n");
        assertThat(r.stderr()).contains("building the API documentation of go4j-core and go4j-testing");

        env.put("FAKE_MVN_STATUS", "6");
        Result failed = launch(fakeRoot.resolve("go4j"), env, tmp, "docs");
        assertThat(failed.exitCode()).as(failed.describe()).isEqualTo(6);
        assertThat(failed.stderr()).contains("go4j docs: javadoc failed (mvn exited with 6)");
        assertThat(failed.stdout()).isEmpty();
    }

    /** ... and says, before Maven starts, that it is building and why (a first build takes a while). */
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
        assertThat(first.stderr()).contains("fake mvn JAVA_HOME=")
                .startsWith("go4j: building go4j-core (first run; about 30 s)...\nfake mvn");
        assertThat(mavenCalls()).containsExactly(
                "-q -B -ntp -f " + fakeRoot.resolve("pom.xml") + " -DskipTests -pl go4j-core -am package");

        // Fresh jar: no Maven.
        Result second = launch(fakeRoot.resolve("go4j"), env, tmp, "run", program.toString(), "y");
        assertThat(second.exitCode()).as(second.describe()).isEqualTo(5);
        assertThat(second.stdout()).isEqualTo("plain args=y\n");
        assertThat(second.stderr()).doesNotContain("building");
        assertThat(mavenCalls()).hasSize(1);

        // A source newer than the jar: Maven again, which leaves the jar as it is; the launcher marks it rebuilt.
        Files.setLastModifiedTime(jar, hoursAgo(3));
        Result stale = launch(fakeRoot.resolve("go4j"), env, tmp, "run", "Plain.java");
        assertThat(stale.stderr()).startsWith("go4j: building go4j-core (sources changed)...\nfake mvn");
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

    /**
     * {@code tour} hands its arguments to the tour's main class (here a stand-in that prints them) with the
     * directory of the lessons' sources, for {@code --source}, and builds nothing when the jars are fresh.
     */
    @Test
    void tourPassesItsArgumentsAndTheLessonsSources() throws IOException {
        Path fakeRoot = fakeRepository();
        Files.setLastModifiedTime(fakeRoot.resolve("go4j-core/src/main/java/dev/go4j/Go.java"), hoursAgo(2));
        Path source = Files.createDirectories(tmp.resolve("fake-tour/dev/go4j/examples/tour")).resolve("Tour.java");
        Files.writeString(source, """
                package dev.go4j.examples.tour;

                public class Tour {
                    public static void main(String[] args) {
                        System.out.println("tour " + String.join(" ", args) + " sources="
                                + System.getProperty("go4j.tour.sources"));
                    }
                }
                """);
        Path classes = Files.createDirectories(tmp.resolve("fake-tour-classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString())).isZero();
        Path examplesJar = Files.createDirectories(fakeRoot.resolve("go4j-examples/target")).resolve("go4j-examples.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(examplesJar))) {
            jar.putNextEntry(new JarEntry("dev/go4j/examples/tour/Tour.class"));
            jar.write(Files.readAllBytes(classes.resolve("dev/go4j/examples/tour/Tour.class")));
            jar.closeEntry();
        }
        Map<String, String> env = fakeMavenEnv(fakeRoot);
        Files.createDirectories(fakeRoot.resolve("go4j-core/target"));
        Files.copy(Path.of(env.get("FAKE_MVN_JAR")), fakeRoot.resolve("go4j-core/target/go4j-core.jar"));
        Files.createDirectories(fakeRoot.resolve("go4j-testing/target"));
        Files.copy(Path.of(env.get("FAKE_MVN_JAR")), fakeRoot.resolve("go4j-testing/target/go4j-testing.jar"));

        Result r = launch(fakeRoot.resolve("go4j"), env, tmp, "tour", "--source", "7");

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("tour --source 7 sources="
                + fakeRoot.toRealPath().resolve("go4j-examples/src/main/java") + "\n");
        assertThat(r.stderr()).isEmpty();
        assertThat(mavenCalls()).isEmpty();
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

    /** Writes a Surefire report for FAKE_MVN_REPORTS to copy into {@code module}; returns that directory. */
    private Path fakeReport(String module, String testClass, String xml) throws IOException {
        Path reports = tmp.resolve("reports");
        Files.writeString(Files.createDirectories(reports.resolve(module).resolve("target/surefire-reports"))
                .resolve("TEST-" + testClass + ".xml"), xml);
        return reports;
    }

    /** Writes Maven's output for FAKE_MVN_OUTPUT to print; returns the file. */
    private Path mavenOutput(String text) throws IOException {
        return Files.writeString(tmp.resolve("maven-output.txt"), text);
    }

    /**
     * A Surefire report of {@code tests} test cases, so many of them failed, erred or skipped; the testsuite tag's
     * own counts (and a property) say otherwise, since the launcher must count the test cases, as Surefire's
     * suite attributes are wrong for classes with nested tests.
     */
    private static String report(String name, int tests, int failures, int errors, int skipped) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < tests; i++) {
            String outcome = i < failures ? "<failure message=\"f\"/>"
                    : i < failures + errors ? "<error message=\"e\"/>"
                    : i < failures + errors + skipped ? "<skipped/>" : "";
            cases.append(outcome.isEmpty()
                    ? "  <testcase name=\"t%d\" classname=\"%s\" time=\"0.01\"/>\n".formatted(i, name)
                    : "  <testcase name=\"t%d\" classname=\"%s\" time=\"0.01\">\n    %s\n  </testcase>\n"
                            .formatted(i, name, outcome));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="3.0.2" name="%s" \
                time="0.1" tests="0" errors="0" skipped="0" failures="0">
                  <properties>
                    <property name="tests" value="1000"/>
                  </properties>
                %s</testsuite>
                """.formatted(name, cases);
    }

    /** A directory of links to {@link #TOOLS} and {@link #TEST_TOOLS}: a PATH with neither java nor mvn on it. */
    private Path toolsOnly() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("tools"));
        for (String tool : Stream.concat(TOOLS.stream(), TEST_TOOLS.stream()).toList()) {
            Optional<Path> found = onPath(tool);
            if (found.isPresent() && !Files.exists(bin.resolve(tool))) {
                link(bin.resolve(tool), found.get());
            }
        }
        return bin;
    }

    private Path fakeJdk17(String name) throws IOException {
        return fakeJdk(name, FAKE_JAVA_17);
    }

    /** A JDK home whose bin/java is the shell script {@code java}. */
    private Path fakeJdk(String name, String java) throws IOException {
        Path home = Files.createDirectories(tmp.resolve(name));
        executable(Files.createDirectories(home.resolve("bin")).resolve("java"), java);
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
