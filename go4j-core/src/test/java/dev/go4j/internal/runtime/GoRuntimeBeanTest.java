package dev.go4j.internal.runtime;

import static dev.go4j.testsupport.GoTesting.join;
import static dev.go4j.testsupport.GoTesting.start;
import static dev.go4j.testsupport.GoTesting.startBlocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.go4j.Chan;
import dev.go4j.Go;
import dev.go4j.WaitReason;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.management.Attribute;
import javax.management.AttributeNotFoundException;
import javax.management.InvalidAttributeValueException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenMBeanInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MBean {@code dev.go4j:type=Runtime} of this JVM, through the platform MBeanServer as a JMX client sees it:
 * registered once, by the first goroutine start; its attributes agree with {@code Go}'s answers; its dump shows
 * a goroutine blocked on a named channel.
 */
class GoRuntimeBeanTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final List<String> COUNTERS = List.of("GlobalQueuePuts", "Steals", "CarrierParks",
            "CarrierWakes", "TimeSlicesEnded", "CarrierHandoffs");
    private static ObjectName name;

    /** A goroutine has started (this one, if no test before did), so the registration ran; wait for its end. */
    @BeforeAll
    static void awaitRegistration() throws Exception {
        join(start(() -> { }));
        Thread registration = GoRuntimeBean.registrationThread();
        assertThat(registration).as("the registration thread (is -Dgo4j.jmx=false set?)").isNotNull();
        join(registration);
        name = new ObjectName(GoRuntimeBean.NAME);
    }

    @Test
    void theFirstGoroutineStartRegistersTheBeanOnceAndASecondRegistrationIsDropped() throws Exception {
        assertThat(SERVER.queryNames(new ObjectName("dev.go4j:*"), null)).containsExactly(name);
        Thread registration = GoRuntimeBean.registrationThread();
        join(start(() -> { }));
        assertThat(GoRuntimeBean.registrationThread()).isSameAs(registration);

        // The name is taken now, as by a second copy of go4j in another class loader: no exception, no change.
        assertThat(GoRuntimeBean.register()).isFalse();
        assertThat(SERVER.queryNames(new ObjectName("dev.go4j:*"), null)).containsExactly(name);
    }

    @Test
    void attributesAreOpenTypesAndSayWhatGoSays() throws Exception {
        MBeanInfo info = SERVER.getMBeanInfo(name);
        assertThat(info).isInstanceOf(OpenMBeanInfo.class);
        assertThat(Arrays.stream(info.getAttributes()).map(MBeanAttributeInfo::getName))
                .containsExactlyElementsOf(concat(List.of("NumGoroutine", "GOMAXPROCS", "Scheduler"), COUNTERS));
        assertThat(Arrays.stream(info.getAttributes()).filter(MBeanAttributeInfo::isWritable)
                .map(MBeanAttributeInfo::getName)).containsExactly("GOMAXPROCS");
        assertThat(info.getOperations()).extracting(o -> o.getName() + "() " + o.getReturnType())
                .containsExactly("dump() java.lang.String");

        Chan<String> never = Chan.make();
        List<Thread> blocked = List.of(startBlocked(WaitReason.CHAN_RECEIVE, never::receive),
                startBlocked(WaitReason.CHAN_RECEIVE, never::receive));
        try {
            assertThat((Integer) SERVER.getAttribute(name, "NumGoroutine")).isGreaterThanOrEqualTo(blocked.size());
        } finally {
            never.close();
            blocked.forEach(dev.go4j.testsupport.GoTesting::join);
        }
        assertThat(SERVER.getAttribute(name, "GOMAXPROCS")).isEqualTo(Go.gomaxprocs());
        assertThat(SERVER.getAttribute(name, "Scheduler")).isEqualTo(Go.scheduler().name().toLowerCase(Locale.ROOT));
        for (String counter : COUNTERS) {
            assertThat((Long) SERVER.getAttribute(name, counter)).as(counter).isNotNegative();
        }
        assertThatThrownBy(() -> SERVER.getAttribute(name, "NumGoroutines"))
                .isInstanceOf(AttributeNotFoundException.class)
                .hasMessage("dev.go4j:type=Runtime has no attribute NumGoroutines");
    }

    @Test
    void gomaxprocsIsWritableAsGosRuntimeGomaxprocs() throws Exception {
        int before = Go.gomaxprocs();
        try {
            SERVER.setAttribute(name, new Attribute("GOMAXPROCS", before + 1));
            assertThat(Go.gomaxprocs()).isEqualTo(before + 1);
        } finally {
            Go.gomaxprocs(before);
            awaitCarrierRetired(before);
        }
        assertThatThrownBy(() -> SERVER.setAttribute(name, new Attribute("GOMAXPROCS", 0)))
                .isInstanceOf(InvalidAttributeValueException.class)
                .hasMessage("GOMAXPROCS must be at least 1, not 0");
        assertThatThrownBy(() -> SERVER.setAttribute(name, new Attribute("NumGoroutine", 5)))
                .isInstanceOf(AttributeNotFoundException.class)
                .hasMessage("NumGoroutine is read-only");
        assertThat(Go.gomaxprocs()).isEqualTo(before);
    }

    @Test
    void dumpShowsAGoroutineBlockedOnANamedChannel() throws Exception {
        Chan<String> jobs = Chan.<String>make().named("jobs");
        Thread receiver = startBlocked(WaitReason.CHAN_RECEIVE, jobs::receive);
        String dump;
        try {
            dump = (String) SERVER.invoke(name, "dump", null, null);
        } finally {
            jobs.send("done");
            join(receiver);
        }
        // "goroutine N [chan receive, on "jobs"]:", then its frames.
        assertThat(dump).containsPattern("(?m)^" + Pattern.quote(receiver.getName()
                + " [chan receive, on \"jobs\"]:") + "\n\tat ");
        assertThatThrownBy(() -> SERVER.invoke(name, "stack", null, null))
                .isInstanceOf(ReflectionException.class)
                .hasMessageContaining("has no operation stack with 0 parameters; it has dump()");
    }

    @Test
    void onTheJdksSchedulerThereAreNoCounters() throws Exception {
        GoRuntimeBean bean = new GoRuntimeBean(null);
        assertThat(Arrays.stream(bean.getMBeanInfo().getAttributes()).map(MBeanAttributeInfo::getName))
                .containsExactly("NumGoroutine", "GOMAXPROCS", "Scheduler");
        assertThat(bean.getAttribute("Scheduler")).isEqualTo("jdk");
        assertThatThrownBy(() -> bean.getAttribute("Steals")).isInstanceOf(AttributeNotFoundException.class);
    }

    /**
     * Joins the carrier with index {@code index} (go4j's scheduler names it "go4j-carrier-index"), which retires
     * once GOMAXPROCS is {@code index} again, so that later tests find the scheduler as it was.
     */
    private static void awaitCarrierRetired(int index) {
        String carrier = "go4j-carrier-" + index;
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(carrier))
                .forEach(dev.go4j.testsupport.GoTesting::join);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
