package dev.go4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.Select;
import dev.go4j.runtime.Waits;
import dev.go4j.sync.Mutex;
import dev.go4j.time.Time;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The architecture rules of go4j-core, checked on its class files:
 * <ul>
 *   <li>one clock: reading the time ({@code System.nanoTime}, {@code System.currentTimeMillis}) or parking with a
 *       timeout ({@code LockSupport.parkNanos/parkUntil}, {@code Thread.sleep}) only in the clock and park
 *       packages, and parking at all ({@code LockSupport.park}) only in them;</li>
 *   <li>one lock kind: no monitors ({@code synchronized} methods or blocks, {@code Object.wait/notify}), which pin
 *       a virtual thread's carrier on JDK 21 to 23, and none of the JDK's locks and synchronizers, which park
 *       outside go4j's park path ({@code ReentrantLock}, {@code Condition}, AQS, latches, JDK semaphores…);</li>
 *   <li>imports run downward: {@code dev.go4j.internal..} uses dev.go4j's vocabulary types (wait reasons, panics,
 *       {@code Task}, {@code Empty}, {@code Result}, the channel and context interfaces and their result and
 *       error types) but never the facades: {@code Go}, {@code Select}, {@code dev.go4j.time}, {@code dev.go4j.sync}
 *       and the x/sync packages, nor {@code Chan}'s static factories ({@code Chan} itself is a sealed interface,
 *       which the channel core implements), nor {@code dev.go4j.runtime}, the tools' view of them;</li>
 *   <li>the module exports every package outside {@code dev.go4j.internal} to everyone and the internal packages to
 *       no module, so go4j works alike on the module path and the class path (go4j-testing, often on the class
 *       path beside a module-path go4j, needs nothing a qualified export would give it).</li>
 * </ul>
 */
class ClassScanTest {
    private static final Set<String> TIME_PACKAGES = Set.of("dev/go4j/internal/clock/", "dev/go4j/internal/park/");

    private static final Set<String> TIME_CALLS = Set.of(
            "java/lang/System.nanoTime",
            "java/lang/System.currentTimeMillis",
            "java/util/concurrent/locks/LockSupport.parkNanos",
            "java/util/concurrent/locks/LockSupport.parkUntil",
            "java/lang/Thread.sleep");

    /**
     * Where a thread may park without the park path: the park path itself, and the scheduler, which parks its
     * carriers and monitor (platform threads, not goroutines).
     */
    private static final Set<String> PARK_PACKAGES = Set.of("dev/go4j/internal/park/", "dev/go4j/internal/sched/");

    private static final Set<String> MONITOR_CALLS = Set.of(
            "java/lang/Object.wait", "java/lang/Object.notify", "java/lang/Object.notifyAll");

    /** JDK locks and synchronizers: each parks in its own loop, outside go4j's park path. */
    private static final Set<String> FOREIGN_LOCKS = Set.of(
            "java/util/concurrent/locks/ReentrantLock",
            "java/util/concurrent/locks/ReentrantReadWriteLock",
            "java/util/concurrent/locks/StampedLock",
            "java/util/concurrent/locks/Condition",
            "java/util/concurrent/locks/Lock",
            "java/util/concurrent/locks/AbstractQueuedSynchronizer",
            "java/util/concurrent/locks/AbstractQueuedLongSynchronizer",
            "java/util/concurrent/CountDownLatch",
            "java/util/concurrent/CyclicBarrier",
            "java/util/concurrent/Phaser",
            "java/util/concurrent/Semaphore",
            "java/util/concurrent/Exchanger",
            "java/util/concurrent/BlockingQueue",
            "java/util/concurrent/SynchronousQueue",
            "java/util/concurrent/LinkedBlockingQueue",
            "java/util/concurrent/ArrayBlockingQueue",
            "java/util/concurrent/LinkedTransferQueue");

    /** Classes and packages (prefixes ending in '/') that dev.go4j.internal may not use. */
    private static final Set<String> FACADES = Set.of(
            "dev/go4j/Go", "dev/go4j/Select", "dev/go4j/time/", "dev/go4j/sync/", "dev/go4j/errgroup/",
            "dev/go4j/semaphore/", "dev/go4j/singleflight/", "dev/go4j/runtime/");

    @Test
    void goCoreKeepsItsArchitectureRules() throws IOException {
        List<String> violations = scan(Path.of("target", "classes"));
        assertThat(violations).isEmpty();
    }

    @Test
    void theModuleExportsEveryApiPackageToEveryoneAndNoInternalPackage() throws IOException {
        ModuleDescriptor module = ModuleFinder.of(Path.of("target", "classes")).find("dev.go4j").orElseThrow()
                .descriptor();
        Set<String> api = new TreeSet<>();
        for (String pkg : module.packages()) {
            if (!pkg.startsWith("dev.go4j.internal")) {
                api.add(pkg);
            }
        }

        assertThat(module.exports()).allSatisfy(export -> assertThat(export.isQualified()).as(export.source())
                .isFalse());
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(
                api);
        assertThat(api).contains("dev.go4j", "dev.go4j.runtime");
    }

    /**
     * The internal packages in layers, lowest first: a package may use its own layer's packages only if it is
     * that package, and lower layers freely; so the internal packages form no cycle.
     */
    private static final List<Set<String>> LAYERS = List.of(
            Set.of("jfr"), Set.of("clock"), Set.of("sched"), Set.of("park"), Set.of("runtime"), Set.of("sync", "chan"),
            Set.of("time"), Set.of("context"), Set.of("diag"), Set.of("synctest"));

    @Test
    void internalPackagesUseOnlyLowerLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                byte[] classFile = Files.readAllBytes(file);
                String className = new ClassReader(classFile).getClassName();
                int layer = layerOf(className);
                if (layer < 0) {
                    continue;
                }
                for (String used : referencedTypes(classFile)) {
                    int usedLayer = layerOf(used);
                    boolean samePackage = packageOf(used).equals(packageOf(className));
                    if (usedLayer >= layer && !samePackage) {
                        violations.add(className + " (layer " + layer + ") uses " + used + " (layer " + usedLayer
                                + ")");
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The layer of an internal package's class, or -1 for any other class. */
    private static int layerOf(String className) {
        String prefix = "dev/go4j/internal/";
        if (!className.startsWith(prefix) || className.indexOf('/', prefix.length()) < 0) {
            return -1;
        }
        String name = className.substring(prefix.length(), className.indexOf('/', prefix.length()));
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(name)) {
                return i;
            }
        }
        throw new AssertionError("internal package " + name + " has no layer in ClassScanTest.LAYERS");
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('/'));
    }

    @Test
    void theScanFindsEachKindOfViolation() throws IOException {
        // The scan must be able to fail: this class, in dev.go4j.internal, breaks every rule once.
        String resource = "/" + Violations.class.getName().replace('.', '/') + ".class";
        List<String> violations;
        try (InputStream in = ClassScanTest.class.getResourceAsStream(resource)) {
            violations = scan(in.readAllBytes());
        }
        assertThat(violations)
                .anyMatch(v -> v.contains("synchronized method"))
                .anyMatch(v -> v.contains("monitorenter"))
                .anyMatch(v -> v.contains("Object.wait"))
                .anyMatch(v -> v.contains("System.nanoTime"))
                .anyMatch(v -> v.contains("uses java/util/concurrent/locks/ReentrantLock"))
                .anyMatch(v -> v.contains("uses java/util/concurrent/CountDownLatch"))
                .anyMatch(v -> v.contains("uses the facade dev/go4j/Go"))
                .anyMatch(v -> v.contains("uses the facade dev/go4j/Select"))
                .anyMatch(v -> v.contains("uses the facade dev/go4j/sync/Mutex"))
                .anyMatch(v -> v.contains("uses the facade dev/go4j/time/Time"))
                .anyMatch(v -> v.contains("uses the facade dev/go4j/runtime/Waits"))
                .anyMatch(v -> v.contains("calls the facade dev/go4j/Chan.make"));
    }

    private static List<String> scan(Path classes) throws IOException {
        assertThat(classes).isDirectory();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                violations.addAll(scan(Files.readAllBytes(file)));
            }
        }
        return violations;
    }

    private static List<String> scan(byte[] classFile) {
        List<String> violations = new ArrayList<>();
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName();
        boolean timeAllowed = TIME_PACKAGES.stream().anyMatch(className::startsWith);
        boolean internal = className.startsWith("dev/go4j/internal/");
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                String where = className + "." + name;
                if ((access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                    violations.add(where + ": synchronized method");
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == Opcodes.MONITORENTER) {
                            violations.add(where + ": monitorenter (synchronized block)");
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                            boolean isInterface) {
                        String call = owner + "." + method;
                        if (!timeAllowed && TIME_CALLS.contains(call)) {
                            violations.add(where + ": calls " + call.substring(call.lastIndexOf('/') + 1)
                                    + " outside the clock and park packages");
                        }
                        if (call.equals("java/util/concurrent/locks/LockSupport.park")
                                && PARK_PACKAGES.stream().noneMatch(className::startsWith)) {
                            violations.add(where + ": calls LockSupport.park outside the park path");
                        }
                        if (MONITOR_CALLS.contains(call)) {
                            violations.add(where + ": calls " + call.substring(call.lastIndexOf('/') + 1));
                        }
                        if (internal && opcode == Opcodes.INVOKESTATIC && owner.equals("dev/go4j/Chan")) {
                            violations.add(where + ": calls the facade " + call);
                        }
                    }
                };
            }
        }, 0);
        for (String used : referencedTypes(classFile)) {
            if (FOREIGN_LOCKS.contains(used)) {
                violations.add(className + ": uses " + used + ", which parks outside go4j's park path");
            }
            if (internal && isFacade(used)) {
                violations.add(className + ": uses the facade " + used);
            }
        }
        return violations;
    }

    private static boolean isFacade(String type) {
        String outer = type.contains("$") ? type.substring(0, type.indexOf('$')) : type;
        for (String facade : FACADES) {
            if (facade.endsWith("/") ? outer.startsWith(facade) : outer.equals(facade)) {
                return true;
            }
        }
        return false;
    }

    /** Every type a class file names anywhere: supertypes, fields, descriptors, signatures, instructions. */
    private static Set<String> referencedTypes(byte[] classFile) {
        Set<String> types = new LinkedHashSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        };
        ClassVisitor everything = new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) { }; // non-null, so the remapper walks the code too
            }
        };
        new ClassReader(classFile).accept(new ClassRemapper(everything, recorder), 0);
        return types;
    }

    /** One violation of each kind, for the scan's own test; never run. */
    @SuppressWarnings("unused")
    static final class Violations {
        private final Object monitor = new Object();
        private final ReentrantLock lock = new ReentrantLock();
        private final CountDownLatch latch = new CountDownLatch(1);

        synchronized void synchronizedMethod() {
        }

        void synchronizedBlock() throws InterruptedException {
            synchronized (monitor) {
                monitor.wait();
            }
        }

        long readsTheTime() {
            return System.nanoTime();
        }

        void usesTheFacades() {
            Go.numGoroutine();
            Select.select();
            new Mutex().lock();
            Time.sleep(Duration.ZERO);
            Chan.make();
            Waits.describeWaiting();
        }
    }
}
