package dev.go4j.snippets;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.go4j.singleflight.Group;
import dev.go4j.singleflight.Result;
import dev.go4j.singleflight.Shared;
import dev.go4j.testing.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The examples of package {@code dev.go4j.singleflight}. */
class SingleflightSnippets {
    /** The group of the {@code Result} example. */
    private final Group<String, String> group = new Group<>();
    /** The group of the {@code Shared} example. */
    private final Group<String, Profile> profiles = new Group<>();

    @Output("hello")
    void group(@TempDir Path dir) throws Exception {
        String path = Files.writeString(dir.resolve("greeting.txt"), "hello").toString();
        // @start region="group"
        var loads = new Group<String, byte[]>();
        byte[] data = loads.doCall(path, () -> Files.readAllBytes(Path.of(path))).value();
        // @end
        System.out.println(new String(data, UTF_8));
    }

    @Output("value of a (shared: false)")
    void result() throws Throwable {
        String key = "a";
        // @start region="result"
        Result<String> r = group.doChan(key, () -> load(key)).receive();
        if (r.error() != null) {
            throw r.error();
        }
        use(r.value(), r.shared());
        // @end
    }

    static String load(String key) {
        return "value of " + key;
    }

    static void use(String value, boolean shared) {
        System.out.println(value + " (shared: " + shared + ")");
    }

    @Output("profile of gopher")
    void shared() throws Exception {
        String userId = "gopher";
        // @start region="shared"
        Shared<Profile> p = profiles.doCall(userId, () -> fetchProfile(userId));
        render(p.value());
        // @end
    }

    /** A user profile, for the {@code Shared} example. */
    record Profile(String userId) {
    }

    static Profile fetchProfile(String userId) {
        return new Profile(userId);
    }

    static void render(Profile profile) {
        System.out.println("profile of " + profile.userId());
    }
}
