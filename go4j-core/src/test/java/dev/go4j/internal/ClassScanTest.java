package dev.go4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Scans go4j-core's class files for the three things that must not appear outside their one place: reading the
 * time ({@code System.nanoTime}, {@code System.currentTimeMillis}) or parking with a timeout
 * ({@code LockSupport.parkNanos/parkUntil}, {@code Thread.sleep}) outside the clock and park classes, and
 * monitors ({@code synchronized} methods or blocks), which pin a virtual thread's carrier on JDK 21 to 23.
 */
class ClassScanTest {
    private static final Set<String> TIME_PACKAGES = Set.of("dev/go4j/internal/clock/", "dev/go4j/internal/park/");

    private static final Set<String> FORBIDDEN_CALLS = Set.of(
            "java/lang/System.nanoTime",
            "java/lang/System.currentTimeMillis",
            "java/util/concurrent/locks/LockSupport.parkNanos",
            "java/util/concurrent/locks/LockSupport.parkUntil",
            "java/lang/Thread.sleep");

    @Test
    void timeAndTimedParkingGoThroughTheClockAndNoMonitorIsUsed() throws IOException {
        List<String> violations = scan(Path.of("target", "classes"));
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsEachKindOfViolation() throws IOException {
        // The scan must be able to fail: these test classes contain one violation of each kind.
        List<String> violations = new ArrayList<>();
        for (Class<?> type : List.of(Violations.class)) {
            String resource = "/" + type.getName().replace('.', '/') + ".class";
            try (InputStream in = ClassScanTest.class.getResourceAsStream(resource)) {
                violations.addAll(scan(in.readAllBytes()));
            }
        }
        assertThat(violations).hasSize(3)
                .anyMatch(v -> v.contains("synchronized method"))
                .anyMatch(v -> v.contains("monitorenter"))
                .anyMatch(v -> v.contains("System.nanoTime"));
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
                        if (!timeAllowed && FORBIDDEN_CALLS.contains(call)) {
                            violations.add(where + ": calls " + call.substring(call.lastIndexOf('/') + 1)
                                    + " outside the clock and park classes");
                        }
                    }
                };
            }
        }, 0);
        return violations;
    }

    /** One violation of each kind, for the scan's own test. */
    @SuppressWarnings("unused")
    static final class Violations {
        private final Object lock = new Object();

        synchronized void synchronizedMethod() {
        }

        void synchronizedBlock() {
            synchronized (lock) {
                lock.hashCode();
            }
        }

        long readsTheTime() {
            return System.nanoTime();
        }
    }
}
