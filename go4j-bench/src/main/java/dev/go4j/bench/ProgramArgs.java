package dev.go4j.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The numeric options of the suite's programs, {@code -name N}: those of {@link Latency} and {@link DumpLatency}. */
final class ProgramArgs {
    private final Map<String, Integer> values;

    private ProgramArgs(Map<String, Integer> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} as pairs {@code -name N}, each name one of {@code names}.
     *
     * @throws IllegalArgumentException with {@code usage} if an argument is missing, unknown or not a number
     */
    static ProgramArgs parse(String[] args, String usage, String... names) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(usage);
        }
        Map<String, Integer> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of(names).contains(args[i])) {
                throw new IllegalArgumentException("unknown argument: " + args[i] + "; " + usage);
            }
            values.put(args[i], Integer.parseInt(args[i + 1]));
        }
        return new ProgramArgs(values);
    }

    /** The value given for {@code name}, else {@code fallback}. */
    int get(String name, int fallback) {
        return values.getOrDefault(name, fallback);
    }
}
