package dev.go4j.internal.jfr;

import java.util.Locale;
import java.util.Set;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.MetadataDefinition;
import jdk.jfr.Name;
import jdk.jfr.SettingControl;
import jdk.jfr.Timespan;

/**
 * The setting {@code minimumWait} of {@code dev.go4j.BlockedGoroutines}: a duration in JFR's notation
 * ({@code 1 s}, {@code 500 ms}, {@code 0 ns}); when several recordings run, the shortest wins, so that each gets
 * at least the goroutines it asked for. JFR makes one instance, when the event is registered.
 */
@MetadataDefinition
@Name("dev.go4j.MinimumWait")
@Label("Minimum Wait")
@Description("A duration: the shortest wait that is listed")
@Timespan
public final class MinimumWait extends SettingControl {
    /** The default of the setting. */
    static final String DEFAULT = "1 s";

    /**
     * The value in force, in nanoseconds; static so that the registry walk can skip the goroutines that do not
     * qualify before it describes them. Written by JFR's setValue (volatile).
     */
    private static volatile long nanos = parse(DEFAULT);
    /** The value's text as set. Written by setValue only (volatile). */
    private volatile String text = DEFAULT;

    /** Creates the control with the default value; JFR calls it. */
    public MinimumWait() {
    }

    /** The value in force, in nanoseconds. */
    static long nanos() {
        return nanos;
    }

    long currentNanos() {
        return nanos;
    }

    @Override
    public String combine(Set<String> values) {
        String shortest = null;
        long shortestNanos = Long.MAX_VALUE;
        for (String value : values) {
            long n = parse(value);
            if (n >= 0 && n < shortestNanos) {
                shortest = value;
                shortestNanos = n;
            }
        }
        return shortest != null ? shortest : DEFAULT;
    }

    @Override
    public void setValue(String value) {
        long n = parse(value);
        if (n >= 0) {
            text = value;
            nanos = n;
        }
    }

    @Override
    public String getValue() {
        return text;
    }

    /**
     * A duration in JFR's notation ({@code 20 ms}; units ns, us, ms, s, m, h, d; {@code 0} alone), in
     * nanoseconds; -1 if it is not one.
     */
    static long parse(String value) {
        String s = value.trim().toLowerCase(Locale.ROOT);
        if (s.equals("0")) {
            return 0;
        }
        int unit = 0;
        while (unit < s.length() && Character.isDigit(s.charAt(unit))) {
            unit++;
        }
        if (unit == 0) {
            return -1;
        }
        long amount;
        try {
            amount = Long.parseLong(s.substring(0, unit));
        } catch (NumberFormatException e) {
            return -1;
        }
        long unitNanos = switch (s.substring(unit).trim()) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "d" -> 86_400_000_000_000L;
            default -> -1L;
        };
        if (unitNanos < 0) {
            return -1;
        }
        try {
            return Math.multiplyExact(amount, unitNanos);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
