package dev.go4j.examples.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/*
 * How it works.
 *
 * The freshly built go4j artifacts (go4j-parent's and go4j-bom's POMs, go4j-core's and go4j-testing's jars and
 * POMs, as maven-install-plugin would install them) are copied into a throwaway local repository under
 * target/consumer/repository. One Maven run (the Maven that runs this build, from maven.home) then builds a
 * reactor of independent projects, one per Variant, each written from the template in src/test/consumer: a user's
 * project importing go4j's BOM and one JUnit BOM, with go4j-testing declared before JUnit, run with Surefire on the
 * class path, on the module path with a module descriptor in main only (Surefire then puts go4j-core on the module
 * path and go4j-testing, which the main module does not read, on the class path: the set-up in which go4j-testing
 * once failed with IllegalAccessError), or with descriptors in main and test (everything on the module path).
 *
 * Downloads: the inner build's global settings add the outer build's local repository (~/.m2/repository) as a
 * file repository consulted before Maven Central, so what is cached is copied, not downloaded, and only what is
 * missing comes from Central. The user's own settings (mirrors, proxies) still apply. The outer local repository is
 * only read. An offline outer build (-o) makes the inner one offline too, reading the cache file repository only.
 */

/**
 * The consumer check: go4j-testing in a user's build, with JUnit 5 (the lowest supported 5.10 and the current 5.14,
 * from its BOM or not) and JUnit 6, on the class path and on the module path. Each variant's tests use {@code @Output} (a
 * parameterized one too), {@code Goroutines.awaitBlocked}, {@code @VerifyNoLeaks}, a synctest bubble and
 * {@code Go.run}, and check that they ran on the JUnit version
 * of the variant's BOM and with go4j in the modules the variant says. Tagged {@code long} (about a minute): skipped
 * by {@code ./go4j test -short}.
 */
@Tag("long")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConsumerBuildTest {
    /** JUnit 5's oldest supported release and its newest, and the JUnit 6 this build uses. */
    static final String JUNIT_5_OLDEST = "5.10.3";
    static final String JUNIT_5 = "5.14.4";
    static final String JUNIT_6 = System.getProperty("go4j.consumer.junit6", "6.1.3");

    /** How go4j reaches the consumer's tests. */
    enum Layout {
        /** No module descriptor: everything on the class path. */
        CLASS_PATH("unnamed unnamed unnamed", "ALL-UNNAMED"),
        /** A descriptor in main only: go4j-core on the module path, go4j-testing on the class path. */
        MAIN_MODULE("dev.go4j unnamed com.example.consumer", "dev.go4j"),
        /** Descriptors in main and test: everything on the module path. */
        MODULES("dev.go4j dev.go4j.testing com.example.consumer.tests", "dev.go4j");

        /** The modules of go4j-core, go4j-testing and the tests, as the consumer's LayoutTest prints them. */
        final String expectedModules;
        /** Whom Surefire's argLine opens java.lang to, as the README tells users: go4j-core's module, if it is one. */
        final String opensTo;

        Layout(String expectedModules, String opensTo) {
            this.expectedModules = expectedModules;
            this.opensTo = opensTo;
        }
    }

    /** One consumer project: a JUnit version, from a BOM or not, and a layout. */
    enum Variant {
        JUNIT_5_OLDEST_CLASS_PATH(JUNIT_5_OLDEST, true, Layout.CLASS_PATH),
        JUNIT_5_CLASS_PATH(JUNIT_5, true, Layout.CLASS_PATH),
        /** junit-jupiter with a version of its own, declared after go4j-testing: no BOM to settle the version. */
        JUNIT_5_WITHOUT_BOM_CLASS_PATH(JUNIT_5, false, Layout.CLASS_PATH),
        JUNIT_5_MAIN_MODULE(JUNIT_5, true, Layout.MAIN_MODULE),
        JUNIT_5_MODULES(JUNIT_5, true, Layout.MODULES),
        JUNIT_6_CLASS_PATH(JUNIT_6, true, Layout.CLASS_PATH),
        JUNIT_6_MAIN_MODULE(JUNIT_6, true, Layout.MAIN_MODULE),
        JUNIT_6_MODULES(JUNIT_6, true, Layout.MODULES);

        final String junit;
        final boolean bom;
        final Layout layout;

        Variant(String junit, boolean bom, Layout layout) {
            this.junit = junit;
            this.bom = bom;
            this.layout = layout;
        }

        /** The template's POM made this variant's. */
        String pom(String template) {
            String pom = template
                    .replace("@ARTIFACT@", artifactId())
                    .replace("@GO4J_VERSION@", System.getProperty("go4j.version", "0.1.0-SNAPSHOT"))
                    .replace("@JUNIT_VERSION@", junit)
                    .replace("@EXPECTED_MODULES@", layout.expectedModules)
                    .replace("@OPENS_TO@", layout.opensTo);
            if (bom) {
                return pom.replace("<!--@junit-version-->", "");
            }
            return pom.replaceAll("(?s)<!--@junit-bom-->.*<!--@/junit-bom-->", "")
                    .replace("<!--@junit-version-->", "<version>" + junit + "</version>");
        }

        /** The directory and artifact id of its project. */
        String artifactId() {
            return "consumer-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The consumer's test results of each variant: 8 in GreeterTest (one skipped), 2 in LayoutTest. */
    private static final int TESTS = 10;
    private static final int SKIPPED = 1;
    private static final Pattern SUITE = Pattern.compile(
            "<testsuite [^>]*?tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\" failures=\"(\\d+)\"");

    private static Path root;
    private static Path work;
    private static Build build;

    /** The inner Maven run: its exit status and where its output went. */
    record Build(int exitCode, Path log, long seconds) {
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeAll
    static void buildTheConsumers() throws IOException, InterruptedException {
        root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("go4j-examples/src/test/consumer/pom.xml")).as("run from go4j-examples").exists();
        Path target = Path.of("target", "consumer").toAbsolutePath();
        deleteRecursively(target);
        work = Files.createDirectories(target.resolve("projects"));
        Path repository = Files.createDirectories(target.resolve("repository"));
        installGo4j(repository);
        writeProjects();
        Path settings = writeSettings(target.resolve("settings.xml"));
        build = runMaven(settings, repository, target.resolve("build.log"));
    }

    @Test
    void theInnerBuildSucceeds() {
        assertThat(build.exitCode()).as("the consumers' build (%d s; log %s) ended:\n%s", build.seconds(),
                build.log(), build.tail()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void eachVariantRunsItsTestsAndAllPass(Variant variant) throws IOException {
        Path reports = work.resolve(variant.artifactId()).resolve("target/surefire-reports");
        assertThat(reports).as("%s's test reports; the build's end:\n%s", variant, build.tail()).isDirectory();
        int[] totals = new int[4];
        StringBuilder failures = new StringBuilder();
        try (Stream<Path> files = Files.list(reports)) {
            for (Path report : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                String xml = Files.readString(report);
                Matcher suite = SUITE.matcher(xml);
                assertThat(suite.find()).as("a testsuite element in %s", report).isTrue();
                for (int i = 0; i < 4; i++) {
                    totals[i] += Integer.parseInt(suite.group(i + 1));
                }
                if (!suite.group(2).equals("0") || !suite.group(4).equals("0")) {
                    failures.append(xml);
                }
            }
        }
        assertThat(totals[1] + totals[3]).as("%s's errors and failures:\n%s", variant, failures).isZero();
        assertThat(totals[0]).as("%s's tests", variant).isEqualTo(TESTS);
        assertThat(totals[2]).as("%s's skipped tests (the plain run of the parameterized example)", variant)
                .isEqualTo(SKIPPED);
    }

    /** Copies go4j's POMs and jars into {@code repository} in Maven's layout, as the install plugin would. */
    private static void installGo4j(Path repository) throws IOException {
        String version = System.getProperty("go4j.version", "0.1.0-SNAPSHOT");
        install(repository, "go4j-parent", version, root.resolve("pom.xml"), null);
        install(repository, "go4j-bom", version, built("go4j-bom/target/go4j-bom.pom"), null);
        install(repository, "go4j-core", version, root.resolve("go4j-core/pom.xml"),
                built("go4j-core/target/go4j-core.jar"));
        install(repository, "go4j-testing", version, root.resolve("go4j-testing/pom.xml"),
                built("go4j-testing/target/go4j-testing.jar"));
    }

    private static Path built(String path) {
        Path file = root.resolve(path);
        assertThat(file).as("%s: build go4j first (./go4j test builds every module in order)", path).exists();
        return file;
    }

    private static void install(Path repository, String artifactId, String version, Path pom, Path jar)
            throws IOException {
        Path dir = Files.createDirectories(repository.resolve("dev/go4j").resolve(artifactId).resolve(version));
        String base = artifactId + "-" + version;
        Files.copy(pom, dir.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes one project per variant from the template, and the reactor that lists them. */
    private static void writeProjects() throws IOException {
        Path template = root.resolve("go4j-examples/src/test/consumer");
        String pom = Files.readString(template.resolve("pom.xml"));
        StringBuilder modules = new StringBuilder();
        for (Variant variant : Variant.values()) {
            Path project = Files.createDirectories(work.resolve(variant.artifactId()));
            copyRecursively(template.resolve("src"), project.resolve("src"));
            if (variant.layout != Layout.CLASS_PATH) {
                Files.copy(template.resolve("modular/main/module-info.java"),
                        project.resolve("src/main/java/module-info.java"));
            }
            if (variant.layout == Layout.MODULES) {
                Files.copy(template.resolve("modular/test/module-info.java"),
                        project.resolve("src/test/java/module-info.java"));
            }
            Files.writeString(project.resolve("pom.xml"), variant.pom(pom));
            modules.append("    <module>").append(variant.artifactId()).append("</module>\n");
        }
        Files.writeString(work.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>consumers</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <modules>
                %s  </modules>
                </project>
                """.formatted(modules));
    }

    /** Global settings that put the outer build's local repository before Central, read-only. */
    private static Path writeSettings(Path settings) throws IOException {
        Path cache = Path.of(System.getProperty("go4j.consumer.cache",
                System.getProperty("user.home") + "/.m2/repository"));
        String repository = """
                        <%1$s>
                          <id>go4j-outer-cache</id>
                          <url>%2$s</url>
                          <releases><checksumPolicy>ignore</checksumPolicy></releases>
                          <snapshots><enabled>false</enabled></snapshots>
                        </%1$s>
                """;
        String url = cache.toUri().toString();
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>go4j-outer-cache</id>
                      <repositories>
                %s      </repositories>
                      <pluginRepositories>
                %s      </pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles>
                    <activeProfile>go4j-outer-cache</activeProfile>
                  </activeProfiles>
                </settings>
                """.formatted(repository.formatted("repository", url), repository.formatted("pluginRepository", url)));
        return settings;
    }

    private static Build runMaven(Path settings, Path repository, Path log) throws IOException, InterruptedException {
        String home = System.getProperty("go4j.consumer.mavenHome");
        String mvn = home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp", "--fail-at-end",
                "-gs", settings.toString(), "-Dmaven.repo.local=" + repository, "-f", work.resolve("pom.xml").toString(),
                "test"));
        if (System.getProperty("go4j.consumer.offline", "").endsWith("=true")) {
            // As the outer build: no network, but the file repository of the outer build's cache may still be read.
            command.addAll(1, List.of("--offline", "-Daether.offline.protocols=file"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("MAVEN_ARGS");
        long start = System.nanoTime();
        Process maven = builder.start();
        if (!maven.waitFor(8, TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            throw new AssertionError("the consumers' build did not end within 8 minutes; log " + log);
        }
        return new Build(maven.exitValue(), log, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
