package dev.go4j.internal.runtime;

import dev.go4j.internal.clock.Clock;
import dev.go4j.internal.sched.SchedStats;
import dev.go4j.internal.sched.Scheduler;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InvalidAttributeValueException;
import javax.management.JMException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfoSupport;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;
import javax.management.openmbean.OpenMBeanParameterInfoSupport;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/*
 * Implementation notes.
 *
 * The MBean dev.go4j:type=Runtime, so that JMX tools see a go4j program without a change to its code: JConsole
 * and VisualVM (locally, or through the agent that jcmd <pid> ManagementAgent.start_local starts), and
 * ./go4j dump, which attaches, starts the local agent and invokes dump(). Attributes:
 *
 *     NumGoroutine     int     Go.numGoroutine()
 *     GOMAXPROCS       int     Go.gomaxprocs(); writable, as Go's runtime.GOMAXPROCS(n) (n >= 1)
 *     Scheduler        String  "go4j" or "jdk", as Go.scheduler()
 *     GlobalQueuePuts, Steals, CarrierParks, CarrierWakes, TimeSlicesEnded, CarrierHandoffs
 *                      long    go4j's scheduler's counters (SchedStats), only when that scheduler runs
 *
 * and the operation dump(), the text of Go.dump. A console shows no counters on the JDK's scheduler, where they
 * could only read zero.
 *
 * An open MBean, not a standard MXBean. To a client the two look alike (open types only, so a JMX client needs
 * none of go4j's classes), but the JDK calls an MXBean interface's methods reflectively through
 * sun.reflect.misc.Trampoline, a class of an unnamed module: on the module path, module dev.go4j would have to
 * export this package to every unnamed module, or every attribute read fails with IllegalAccessException. A
 * DynamicMBean is called through java.management's own interface, so the package stays unexported. One table
 * (PROPERTIES) names each attribute once: its description, type, reader and writer.
 *
 * Registration, exactly once per go4j-core class loader, at the first goroutine start:
 *
 *   - Goroutine.start calls goroutineStarting() before the goroutine exists. The first call initialises the
 *     holder class Registration, whose initialiser starts a short-lived daemon platform thread, go4j-jmx, that
 *     waits REGISTRATION_DELAY_NANOS (1 s), registers the bean in the platform MBeanServer and ends; every later
 *     call is a call of an empty static method of an initialised class, which the JIT removes. So spawning pays
 *     nothing, and the first go() or Go.main never waits for the platform MBeanServer's start-up (it loads
 *     java.management and registers the JDK's own MXBeans first). The delay keeps that start-up, a core's work
 *     for 10-15 ms, out of the program's own start-up: on a 2-core machine it made a program's first 1 ms timer
 *     fire 7-15 ms late (go4j-bench Latency, first-timer). ./go4j dump waits for the bean as long.
 *   - -Dgo4j.jmx=false (read once, by that initialiser) starts no thread: no MBean, and java.management's
 *     classes are not even loaded.
 *   - Failure never reaches the program: if the thread cannot be started, or registering throws (a security
 *     manager without MBeanPermission on JDK 21 to 23, the name taken by another copy of go4j in another class
 *     loader, a broken javax.management.builder.initial), the failure is dropped and the program runs on
 *     without the MBean. ./go4j dump then says that the MBean is missing and what the reasons may be.
 *
 * dump() builds the whole text in memory, as JMX returns one String: a few hundred bytes per goroutine with a
 * short stack, so a million goroutines make a string of some hundred megabytes in the program's heap; Go.dump to
 * a file streams instead. The bean reads what Go.numGoroutine, Go.gomaxprocs and Go.dump read, through the same
 * internals (the facades are above this package). A JMX call runs on the JMX connection's thread, never on a
 * goroutine.
 *
 * The deadlock detector counts the go4j-jmx thread as a platform thread that may run, so while it registers
 * (once, briefly) it only delays a report; the threads of a JMX agent that a tool started keep the detector
 * quiet likewise, which errs on the safe side.
 */

/** The MBean {@value #NAME}: goroutines, GOMAXPROCS, the scheduler and a goroutine dump; see the notes. */
public final class GoRuntimeBean implements DynamicMBean {
    /** The MBean's name. */
    public static final String NAME = "dev.go4j:type=Runtime";
    /** The system property that turns the MBean off: {@code -Dgo4j.jmx=false}. */
    static final String PROPERTY = "go4j.jmx";
    private static final String DUMP = "dump";

    /** One attribute: its name, what it means, its open type, its reader and its writer (null if read-only). */
    private record Property(String name, String description, OpenType<?> type, Supplier<Object> read,
            IntConsumer write) {
    }

    /** The attributes, in the order a console lists them; final. */
    private final List<Property> properties;
    /** The description of the attributes and the operation; final. */
    private final MBeanInfo info;

    /** The bean for {@code scheduler}, go4j's scheduler, or null when goroutines run on the JDK's. */
    GoRuntimeBean(Scheduler scheduler) {
        this.properties = properties(scheduler);
        this.info = info(properties);
    }

    private static List<Property> properties(Scheduler scheduler) {
        List<Property> all = new ArrayList<>(List.of(
                new Property("NumGoroutine", "The goroutines that exist now, Go.numGoroutine()", SimpleType.INTEGER,
                        Goroutine::liveCount, null),
                new Property("GOMAXPROCS", "How many goroutines may run in parallel, Go.gomaxprocs(); writable, as"
                        + " Go's runtime.GOMAXPROCS(n)", SimpleType.INTEGER, Scheduler::gomaxprocs,
                        GoRuntimeBean::setGomaxprocs),
                new Property("Scheduler", "The scheduler that runs goroutines, go4j or jdk: Go.scheduler()",
                        SimpleType.STRING, () -> scheduler != null ? "go4j" : "jdk", null)));
        if (scheduler != null) {
            SchedStats stats = scheduler.stats();
            all.add(counter("GlobalQueuePuts", "Goroutines put on the global run queue (woken from outside a"
                    + " carrier, yielding, or overflowing a local queue)", stats.globalPuts));
            all.add(counter("Steals", "Batches of goroutines an idle carrier stole from another's run queue",
                    stats.steals));
            all.add(counter("CarrierParks", "Times a carrier parked because it found no work", stats.parks));
            all.add(counter("CarrierWakes", "Times an idle carrier was woken for new work", stats.wakes));
            all.add(counter("TimeSlicesEnded", "10 ms time slices the monitor ended, of goroutines that kept"
                    + " handing off to each other", stats.slicesExpired));
            all.add(counter("CarrierHandoffs", "Stand-in carriers started for carriers that blocked or computed"
                    + " for more than 10 ms while goroutines waited", stats.handoffs));
        }
        return List.copyOf(all);
    }

    private static Property counter(String name, String description, LongAdder adder) {
        return new Property(name, description + ", since the program started", SimpleType.LONG, adder::sum, null);
    }

    private static MBeanInfo info(List<Property> properties) {
        OpenMBeanAttributeInfoSupport[] attributes = properties.stream()
                .map(p -> new OpenMBeanAttributeInfoSupport(p.name, p.description, p.type, true, p.write != null,
                        false))
                .toArray(OpenMBeanAttributeInfoSupport[]::new);
        var dump = new OpenMBeanOperationInfoSupport(DUMP, "The goroutine dump, the text of Go.dump",
                new OpenMBeanParameterInfoSupport[0], SimpleType.STRING, MBeanOperationInfo.INFO);
        return new OpenMBeanInfoSupport(GoRuntimeBean.class.getName(),
                "go4j's runtime: goroutines, GOMAXPROCS, the scheduler and a goroutine dump", attributes,
                new OpenMBeanConstructorInfoSupport[0], new OpenMBeanOperationInfoSupport[] {dump},
                new MBeanNotificationInfo[0]);
    }

    private static void setGomaxprocs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("GOMAXPROCS must be at least 1, not " + n);
        }
        Scheduler.setGomaxprocs(n);
    }

    // ---- Registration. ----

    /** How long after the first goroutine start the bean is registered (see the notes). */
    static final long REGISTRATION_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The registration thread once made (null before): read by isRegistrationThread without starting it. */
    private static volatile Thread registering;

    /**
     * Whether {@code thread} is go4j's registration thread, which never wakes a goroutine (for the deadlock
     * report, which must not wait for it); never starts the registration.
     */
    public static boolean isRegistrationThread(Thread thread) {
        return thread == registering;
    }

    /**
     * Called by every goroutine start before the goroutine's thread exists; the first call starts the
     * registration in the background (see the notes), every other call costs nothing.
     */
    static void goroutineStarting() {
        Registration.touch();
    }

    /** The holder whose initialisation, at the first goroutine start, starts the registration. */
    private static final class Registration {
        /** The thread that registers the MBean; null if -Dgo4j.jmx=false or if it could not be started. */
        static final Thread THREAD = startThread();

        /** Nothing; the first call initialises the class. */
        static void touch() {
        }
    }

    private static Thread startThread() {
        try {
            if (System.getProperty(PROPERTY, "true").trim().equalsIgnoreCase("false")) {
                return null;
            }
            Thread thread = Thread.ofPlatform().name("go4j-jmx").daemon().inheritInheritableThreadLocals(false)
                    .unstarted(GoRuntimeBean::registerAfterStartUp);
            registering = thread;
            thread.start();
            return thread;
        } catch (Throwable failure) {
            return null; // the program runs on without the MBean (see the notes)
        }
    }

    /**
     * The registration thread, once a goroutine has started (null if -Dgo4j.jmx=false or it could not be
     * started), for tests: once it has ended, the registration is over, whatever its outcome.
     */
    static Thread registrationThread() {
        return Registration.THREAD;
    }

    /** Waits {@link #REGISTRATION_DELAY_NANOS}, then registers (see the notes). */
    private static void registerAfterStartUp() {
        Clock clock = Clock.system();
        long until = clock.nanoTime() + REGISTRATION_DELAY_NANOS;
        while (until - clock.nanoTime() > 0) {
            clock.parkUntil(Registration.class, until);
        }
        register();
    }

    /**
     * Registers a new bean as {@value #NAME} in the platform MBeanServer; returns whether that worked. Never
     * throws: a failure is dropped (see the notes).
     */
    static boolean register() {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new GoRuntimeBean(Scheduler.installed()),
                    new ObjectName(NAME));
            return true;
        } catch (Throwable failure) {
            return false; // whatever it was, the program must not hear of it (see the notes)
        }
    }

    // ---- DynamicMBean. ----

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    @Override
    public Object getAttribute(String name) throws AttributeNotFoundException {
        return property(name).read.get();
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException, InvalidAttributeValueException {
        Property property = property(attribute.getName());
        if (property.write == null) {
            throw new AttributeNotFoundException(property.name + " is read-only");
        }
        if (!(attribute.getValue() instanceof Integer n)) {
            throw new InvalidAttributeValueException(property.name + " takes an int, not " + attribute.getValue());
        }
        try {
            property.write.accept(n);
        } catch (IllegalArgumentException e) {
            throw new InvalidAttributeValueException(e.getMessage());
        }
    }

    @Override
    public AttributeList getAttributes(String[] names) {
        AttributeList values = new AttributeList();
        for (String name : names) {
            try {
                values.add(new Attribute(name, getAttribute(name)));
            } catch (AttributeNotFoundException e) {
                // left out of the answer, as DynamicMBean.getAttributes has it
            }
        }
        return values;
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        AttributeList set = new AttributeList();
        for (Attribute attribute : attributes.asList()) {
            try {
                setAttribute(attribute);
                set.add(new Attribute(attribute.getName(), getAttribute(attribute.getName())));
            } catch (JMException e) {
                // left out of the answer, as DynamicMBean.setAttributes has it
            }
        }
        return set;
    }

    @Override
    public Object invoke(String action, Object[] params, String[] signature) throws ReflectionException {
        if (DUMP.equals(action) && (params == null || params.length == 0)) {
            return dump();
        }
        throw new ReflectionException(new NoSuchMethodException(action),
                NAME + " has no operation " + action + " with " + (params == null ? 0 : params.length)
                        + " parameters; it has dump()");
    }

    /** The operation dump(): every goroutine's entry, as Go.dump writes them. */
    static String dump() {
        StringBuilder text = new StringBuilder();
        Traceback.dumpAll(text);
        return text.toString();
    }

    private Property property(String name) throws AttributeNotFoundException {
        for (Property property : properties) {
            if (property.name.equals(name)) {
                return property;
            }
        }
        throw new AttributeNotFoundException(NAME + " has no attribute " + name);
    }
}
