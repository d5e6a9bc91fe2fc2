package dev.go4j.snippets;

import dev.go4j.context.Context;
import dev.go4j.errgroup.Group;
import dev.go4j.testing.Output;
import dev.go4j.testing.UnorderedOutput;
import java.io.IOException;
import java.util.List;

/** The examples of package {@code dev.go4j.errgroup}. */
class ErrgroupSnippets {
    @UnorderedOutput("""
            fetched https://go.dev/
            fetched https://go4j.dev/
            fetched https://openjdk.org/
            """)
    void group() throws Exception {
        fetchAll(List.of("https://go.dev/", "https://go4j.dev/", "https://openjdk.org/"));
    }

    @UnorderedOutput("""
            fetched https://go.dev/
            failed: no route to https://bad.example/
            """)
    void groupWithAFailure() throws Exception {
        try {
            fetchAll(List.of("https://go.dev/", "https://bad.example/"));
        } catch (IOException e) {
            System.out.println("failed: " + e.getMessage());
        }
    }

    static void fetchAll(List<String> urls) throws Exception {
        // @start region="group"
        var gc = Group.withContext(Context.background());
        Group g = gc.group();
        g.setLimit(4); // at most 4 fetches at a time
        for (String url : urls) {
            g.go(() -> fetch(gc.context(), url)); // the first failure cancels gc.context()
        }
        g.await(); // throws the first failure, if any
        // @end
    }

    /** A fetch that fails for the bad host. */
    static String fetch(Context ctx, String url) throws IOException {
        if (url.contains("bad.example")) {
            throw new IOException("no route to " + url);
        }
        System.out.println("fetched " + url);
        return "<html>" + url + "</html>";
    }

    @Output("""
            fetched https://go4j.dev/
            after await: context canceled
            """)
    void groupAndContext() throws Exception {
        Context parent = Context.background();
        String url = "https://go4j.dev/";
        // @start region="group-and-context"
        var gc = Group.withContext(parent);
        gc.group().go(() -> fetch(gc.context(), url));
        gc.group().await();
        // @end
        System.out.println("after await: " + gc.context().err().getMessage());
    }
}
