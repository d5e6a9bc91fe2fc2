package dev.go4j.internal.runtime;

import dev.go4j.GoroutineInfo;
import dev.go4j.WaitReason;
import dev.go4j.internal.park.Blocker;
import dev.go4j.internal.park.Bubble;
import dev.go4j.internal.park.DebugNamed;
import dev.go4j.internal.park.G;
import dev.go4j.internal.park.LeakWatch;
import dev.go4j.internal.park.Scope;
import dev.go4j.internal.sched.JdkAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/*
 * Implementation notes.
 *
 * Goroutine dumps in Go's format, built from go4j's registry (G) and each goroutine's own Thread.getStackTrace(),
 * never from the JDK's whole-VM thread dumps (a HotSpotDiagnosticMXBean dump of a busy go4j program has crashed
 * JDK 25.0.3). There is no global pause: a dump copies the registry's references stripe by stripe, sorts them by
 * id, then captures one goroutine at a time, so each goroutine is held only while its own stack is taken, and the
 * text is streamed to the Appendable goroutine by goroutine, never built whole (a million goroutines).
 *
 * One entry:
 *
 *     goroutine 7 [chan receive, 3 minutes, on "jobs"]:
 *     	at example.Worker.run(Worker.java:12)
 *     	at example.Main.lambda$main$0(Main.java:30)
 *     created by example.Main.main in goroutine 1
 *     	at example.Main.main(Main.java:29)
 *
 * The bracket holds the state: the wait reason while the goroutine waits in go4j (its record says so and its
 * thread is parked), then ", N minutes" from one minute on (integer minutes, always the plural, as Go), then the
 * debug names of the channels it waits on; else running (mounted on a carrier, or the caller itself), runnable,
 * IO wait for a JDK I/O call, sleep for Thread.sleep, or the JDK's thread state for other JDK blocking calls. On
 * the JDK's scheduler go4j cannot tell a mounted virtual thread from a queued one, so both are runnable.
 * Frames are Java's ("\tat " + StackTraceElement), without go4j's internal packages and the JDK's virtual-thread
 * and parking machinery unless the traceback level is system. "created by" names the frame that called go when
 * -Dgo4j.debug.createdBy=true recorded it, else the goroutine's entry frame, and always the creating goroutine.
 *
 * The level (-Dgo4j.traceback, Go's GOTRACEBACK): none prints no goroutines after a fatal headline, single (the
 * default) the failing goroutine, all every goroutine, system every goroutine with every frame.
 *
 * Leaked goroutines (LeakWatch: the collector proved them blocked forever and freed them) follow the live ones in
 * a section of their own, after a heading line, lowest id first, each headed as Go marks a leaked goroutine
 * ("goroutine 12 [chan send (leaked)]:"): the wait reason, how long it had waited when the leak was found, and
 * the debug names of what it waited on. Their frames are those captured when they blocked, with
 * -Dgo4j.debug.leakStacks=true; otherwise there are none, and the created-by line names the creating frame only
 * with -Dgo4j.debug.createdBy=true.
 */

/** Goroutine dumps and the traceback level; see the implementation notes. */
public final class Traceback {
    /** Go's GOTRACEBACK levels. */
    public enum Level {
        NONE, SINGLE, ALL, SYSTEM
    }

    private static final Level LEVEL = levelFromProperty();
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;
    /** Prefixes of the classes whose frames a dump leaves out below the system level. */
    private static final String[] RUNTIME_PREFIXES = {
        "dev.go4j.internal.",
        "java.lang.VirtualThread",
        "java.lang.System$",
        "jdk.internal.vm.",
        "jdk.internal.misc.Unsafe",
        "jdk.internal.misc.VirtualThreads",
        "java.util.concurrent.locks.LockSupport",
    };
    /** Prefixes of classes whose frames mean the thread waits for I/O. */
    private static final String[] IO_PREFIXES = {
        "sun.nio.ch.", "sun.nio.fs.", "java.net.", "java.nio.channels.", "java.io.FileInputStream",
        "java.io.FileOutputStream", "java.io.RandomAccessFile", "java.io.Console",
    };

    private Traceback() {
    }

    /** The level in force (-Dgo4j.traceback). */
    public static Level level() {
        return LEVEL;
    }

    private static Level levelFromProperty() {
        String value = System.getProperty("go4j.traceback", "single").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "none", "0" -> Level.NONE;
            case "single", "1", "" -> Level.SINGLE;
            case "all", "2" -> Level.ALL;
            case "system" -> Level.SYSTEM;
            default -> throw new IllegalArgumentException(
                    "go4j.traceback must be none, single, all or system, not \"" + value + "\"");
        };
    }

    /**
     * One entry of a dump: the snapshot, the debug names of what the goroutine waits on, and, for a thread go4j
     * did not start, the thread (its entry is headed by its name).
     */
    private record Entry(GoroutineInfo info, List<String> names, Thread foreign, boolean durable, long bubble) {
    }

    /**
     * Snapshots of every goroutine the current thread sees (see {@link #dumpAll}) that has not finished, lowest id
     * first: the live ones and those the leak report has found (which Go.numGoroutine counts too, and which leak
     * checks must see).
     */
    public static List<GoroutineInfo> goroutines() {
        List<GoroutineInfo> infos = new ArrayList<>();
        Scope view = G.currentScope();
        for (G g : sortedGoroutines()) {
            if (!visible(g, view)) {
                continue;
            }
            Entry entry = capture(g);
            if (entry != null) {
                infos.add(entry.info);
            }
        }
        if (LeakWatch.ENABLED) {
            LeakWatch.drain();
            infos.addAll(leaked());
            infos.sort(Comparator.comparingLong(GoroutineInfo::id));
        }
        return List.copyOf(infos);
    }

    /**
     * Writes the dump of every live goroutine the current thread sees to {@code out}, lowest id first (so the main
     * goroutine first), then the threads go4j did not start that are parked in go4j, then the section of leaked
     * goroutines if the leak report has found any; entries are separated by an empty line. A goroutine of a Go.run
     * program sees its program's goroutines only; any other thread sees every goroutine of the JVM.
     */
    public static void dumpAll(Appendable out) {
        dumpScope(out, G.currentScope());
    }

    /**
     * Go.leakedGoroutines: requests a collection, waits for what it proves, and returns every leak found so far.
     *
     * @throws IllegalStateException if the report cannot be made in this JVM (the message names the flag)
     */
    public static List<GoroutineInfo> leakedGoroutines() {
        String unavailable = LeakWatch.unavailableReason();
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        LeakWatch.collect();
        return leaked();
    }

    /** The goroutines the leak report has found so far, as records, lowest id first. */
    private static List<GoroutineInfo> leaked() {
        List<GoroutineInfo> infos = new ArrayList<>();
        for (LeakWatch.Leaked leaked : sortedLeaks(LeakWatch.leaked())) {
            infos.add(infoOf(leaked));
        }
        return List.copyOf(infos);
    }

    private static List<LeakWatch.Leaked> sortedLeaks(List<LeakWatch.Leaked> leaks) {
        List<LeakWatch.Leaked> sorted = new ArrayList<>(leaks);
        sorted.sort(Comparator.comparingLong(LeakWatch.Leaked::id));
        return sorted;
    }

    private static GoroutineInfo infoOf(LeakWatch.Leaked leaked) {
        return new GoroutineInfo(leaked.id(), leaked.reason().toString(), leaked.reason(),
                Duration.ofNanos(leaked.waitedNanos()), leaked.waitingOn(), leaked.parentId(),
                leaked.createdBy(), visibleFrames(leaked.stack().toArray(StackTraceElement[]::new)));
    }

    /** Writes the leaked goroutines' section: a heading, then one entry each; {@code after} if a dump precedes it. */
    private static void appendLeaked(Appendable out, List<LeakWatch.Leaked> leaks, boolean after) {
        if (leaks.isEmpty()) {
            return;
        }
        try {
            out.append(after ? "\n" : "").append("leaked goroutines (blocked forever; the JVM has freed them):\n");
            for (LeakWatch.Leaked leaked : sortedLeaks(leaks)) {
                GoroutineInfo info = infoOf(leaked);
                out.append('\n');
                appendHeader(out, "goroutine " + info.id(), info.state() + " (leaked)", info.waiting(),
                        leaked.names(), 0);
                appendFrames(out, info.stack());
                appendCreatedBy(out, info);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the dump of Go.run program {@code scope}'s goroutines (every goroutine if null), as {@link #dumpAll};
     * the leaked section follows in either case (a leak's record keeps no program, so a Go.run program's dump
     * lists every leak the report has found in the JVM).
     */
    public static void dumpScope(Appendable out, Scope scope) {
        boolean any = dump(out, null, null, scope);
        if (LeakWatch.ENABLED) {
            LeakWatch.drain();
            appendLeaked(out, LeakWatch.leaked(), any);
        }
    }

    /**
     * Writes the current goroutine's entry (state running), then, if {@code all}, every other goroutine's: Go's
     * {@code runtime.Stack}.
     */
    public static void stack(Appendable out, boolean all) {
        G self = G.current();
        append(out, capture(self));
        if (all) {
            try {
                out.append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dump(out, self, null, self.scope());
        }
    }

    /** Writes the dump of synctest bubble {@code bubble}'s goroutines, lowest id first, as {@link #dumpAll}. */
    public static void dumpBubble(Appendable out, Bubble bubble) {
        dump(out, null, bubble, G.currentScope());
    }

    /** Whether {@code g} is in the view of Go.run program {@code view} (every G is if it is null). */
    private static boolean visible(G g, Scope view) {
        return view == null || g.id() == 0 || g.scope() == view;
    }

    /**
     * Writes every entry but {@code skip}'s; only those of {@code bubble}'s goroutines if it is not null, and only
     * those {@link #visible} in {@code view}. Returns whether it wrote any.
     */
    private static boolean dump(Appendable out, G skip, Bubble bubble, Scope view) {
        boolean first = true;
        List<G> goroutines = new ArrayList<>();
        List<G> foreign = new ArrayList<>();
        for (G g : G.all()) {
            (g.id() != 0 ? goroutines : foreign).add(g);
        }
        goroutines.sort(Comparator.comparingLong(G::id));
        for (List<G> group : List.of(goroutines, foreign)) {
            for (G g : group) {
                if (g == skip || g.id() == 0 && !g.isBlocked() || bubble != null && g.bubble() != bubble
                        || !visible(g, view)) {
                    continue;
                }
                Entry entry = capture(g);
                if (entry == null) {
                    continue; // finished meanwhile
                }
                try {
                    if (!first) {
                        out.append('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                first = false;
                append(out, entry);
            }
        }
        return !first;
    }

    private static List<G> sortedGoroutines() {
        List<G> all = new ArrayList<>();
        for (G g : G.all()) {
            if (g.id() != 0) {
                all.add(g);
            }
        }
        all.sort(Comparator.comparingLong(G::id));
        return all;
    }

    /** A snapshot of {@code g}, or null if its thread has finished (or was collected, a leak). */
    private static Entry capture(G g) {
        Thread thread = g.thread();
        if (thread == null) {
            return null;
        }
        WaitReason reason = g.waitReason();
        Object on = g.waitingOn();
        Thread.State threadState = thread.getState();
        if (threadState == Thread.State.TERMINATED) {
            return null;
        }
        StackTraceElement[] frames = thread == Thread.currentThread()
                ? stackOfCurrent() : thread.getStackTrace();
        boolean waitsInGo4j = reason != null
                && (threadState == Thread.State.WAITING || threadState == Thread.State.TIMED_WAITING)
                && g.waitReason() == reason;
        String state;
        Duration waiting = Duration.ZERO;
        String waitingOn = null;
        List<String> names = List.of();
        if (waitsInGo4j) {
            state = reason.toString();
            waiting = Duration.ofNanos(g.waitedNanos());
            waitingOn = on == null ? null : on.toString();
            names = DebugNamed.namesOf(on);
        } else {
            state = stateOutsideGo4j(thread, threadState, frames);
        }
        var info = new GoroutineInfo(g.id(), state, waitsInGo4j ? reason : null, waiting, waitingOn,
                g.parentId(), g.createdBy(), visibleFrames(frames));
        Bubble bubble = g.bubble();
        return new Entry(info, names, g.id() == 0 ? thread : null, waitsInGo4j && g.waitDurable(),
                bubble == null ? 0 : bubble.id());
    }

    /** The current thread's stack from the caller of the public call that asked for it (Go.stack) on. */
    private static StackTraceElement[] stackOfCurrent() {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals("dev.go4j.Go")) {
                return Arrays.copyOfRange(frames, i + 1, frames.length);
            }
        }
        return frames;
    }

    private static String stateOutsideGo4j(Thread thread, Thread.State state, StackTraceElement[] frames) {
        if (thread == Thread.currentThread()) {
            return "running";
        }
        return switch (state) {
            case NEW -> "runnable";
            case RUNNABLE -> {
                if (!thread.isVirtual()) {
                    yield "running";
                }
                yield JdkAccess.isMounted(thread) ? "running" : "runnable";
            }
            case WAITING, TIMED_WAITING -> {
                if (inRuntimeLock(frames)) {
                    yield "runnable"; // about to get a runtime lock: running in Go's sense
                }
                if (hasFrameOf(frames, IO_PREFIXES)) {
                    yield "IO wait";
                }
                if (hasFrame(frames, "java.lang.Thread", "sleep")) {
                    yield "sleep";
                }
                yield state.name();
            }
            default -> state.name();
        };
    }

    private static boolean inRuntimeLock(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            if (!isRuntimeFrame(frame.getClassName())) {
                return false;
            }
            if (frame.getClassName().equals("dev.go4j.internal.park.RuntimeLock")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFrameOf(StackTraceElement[] frames, String[] prefixes) {
        for (StackTraceElement frame : frames) {
            if (startsWithAny(frame.getClassName(), prefixes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasFrame(StackTraceElement[] frames, String className, String method) {
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(className) && frame.getMethodName().startsWith(method)) {
                return true;
            }
        }
        return false;
    }

    /** {@code frames} without the runtime's own, unless the level is system. */
    public static List<StackTraceElement> visibleFrames(StackTraceElement[] frames) {
        if (LEVEL == Level.SYSTEM) {
            return Arrays.asList(frames);
        }
        List<StackTraceElement> visible = new ArrayList<>(frames.length);
        for (StackTraceElement frame : frames) {
            if (!isRuntimeFrame(frame.getClassName())) {
                visible.add(frame);
            }
        }
        return visible;
    }

    private static boolean isRuntimeFrame(String className) {
        return startsWithAny(className, RUNTIME_PREFIXES);
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Writes one entry: the header, the frames, and (for goroutines other than main) the created-by line. */
    private static void append(Appendable out, Entry entry) {
        GoroutineInfo info = entry.info;
        try {
            String who = entry.foreign != null ? "thread \"" + entry.foreign.getName() + "\""
                    : "goroutine " + info.id();
            appendHeader(out, who, entry.durable ? info.state() + " (durable)" : info.state(), info.waiting(),
                    entry.names, entry.bubble);
            appendFrames(out, info.stack());
            appendCreatedBy(out, info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code who [state, N minutes, synctest bubble B, on "name" …]:} and a newline: the minutes only from
     * one minute on (integer minutes, always "minutes", as Go), the bubble only for a bubble's goroutine
     * ({@code bubble} 0 otherwise), the names only if there are any.
     */
    static void appendHeader(Appendable out, String who, String state, Duration waiting, List<String> names,
            long bubble) throws IOException {
        out.append(who).append(" [").append(state);
        long minutes = waiting.toNanos() / NANOS_PER_MINUTE;
        if (minutes > 0) {
            out.append(", ").append(Long.toString(minutes)).append(" minutes");
        }
        if (bubble != 0) {
            out.append(", synctest bubble ").append(Long.toString(bubble));
        }
        if (!names.isEmpty()) {
            out.append(", on");
            for (String name : names) {
                out.append(" \"").append(name).append('"');
            }
        }
        out.append("]:\n");
    }

    static void appendFrames(Appendable out, List<StackTraceElement> frames) throws IOException {
        for (StackTraceElement frame : frames) {
            out.append("\tat ").append(frame.toString()).append('\n');
        }
    }

    private static void appendCreatedBy(Appendable out, GoroutineInfo info) throws IOException {
        appendCreatedBy(out, info.id(), info.createdBy(), info.createdIn(), info.entry());
    }

    private static void appendCreatedBy(Appendable out, long id, StackTraceElement by, long createdIn,
            StackTraceElement entry) throws IOException {
        if (id <= Goroutine.MAIN_ID) {
            return; // the main goroutine and foreign threads were created by nobody go4j knows
        }
        StackTraceElement named = by != null ? by : entry;
        out.append("created by ");
        out.append(named == null ? "?" : named.getClassName() + "." + named.getMethodName());
        if (createdIn != 0) {
            out.append(" in goroutine ").append(Long.toString(createdIn));
        }
        out.append('\n');
        if (by != null) {
            out.append("\tat ").append(by.toString()).append('\n');
        }
    }

    /**
     * Writes the report of {@code failure} escaping {@code g}: its header ({@code [running]}), the failure's
     * visible frames and its causes' (Java's "Caused by:" with the frames in common elided), and the created-by
     * line; then, at level all or system, every other goroutine.
     */
    static void appendFailure(Appendable out, G g, Throwable failure) {
        try {
            if (g.id() == 0) {
                out.append("thread \"").append(g.thread().getName()).append('"');
            } else {
                out.append("goroutine ").append(Long.toString(g.id()));
            }
            out.append(" [running]:\n");
            List<StackTraceElement> frames = visibleFrames(failure.getStackTrace());
            appendFrames(out, frames);
            StackTraceElement[] enclosing = failure.getStackTrace();
            for (Throwable cause = failure.getCause(); cause != null && cause != failure; cause = cause.getCause()) {
                StackTraceElement[] trace = cause.getStackTrace();
                int own = trace.length - framesInCommon(trace, enclosing);
                out.append("Caused by: ").append(cause.toString()).append('\n');
                appendFrames(out, visibleFrames(Arrays.copyOf(trace, own)));
                int inCommon = visibleFrames(Arrays.copyOfRange(trace, own, trace.length)).size();
                if (inCommon > 0) {
                    out.append("\t... ").append(Integer.toString(inCommon)).append(" more\n");
                }
                enclosing = trace;
            }
            appendCreatedBy(out, g.id(), g.createdBy(), g.parentId(),
                    frames.isEmpty() ? null : frames.get(frames.size() - 1));
            if (LEVEL == Level.ALL || LEVEL == Level.SYSTEM) {
                out.append('\n');
                dump(out, g, null, g.scope());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int framesInCommon(StackTraceElement[] trace, StackTraceElement[] enclosing) {
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return trace.length - 1 - m;
    }
}
