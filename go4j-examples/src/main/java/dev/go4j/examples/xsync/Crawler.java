package dev.go4j.examples.xsync;

import static dev.go4j.Select.onReceive;
import static dev.go4j.Select.select;

import dev.go4j.Go;
import dev.go4j.context.Context;
import dev.go4j.errgroup.Group;
import dev.go4j.errgroup.GroupAndContext;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lesson: a web crawler with bounded parallelism, built on an errgroup ({@link Group}, Go's
 * {@code golang.org/x/sync/errgroup}). The web is fake: a map from URL to a page with a title and links, where every
 * fetch takes a couple of milliseconds. The crawler fetches the start page, then every page it links to, each in a
 * goroutine of the group, and each exactly once, however many pages link to it and however many goroutines find
 * the link at the same moment: a concurrent set decides, because {@code seen.add(link)} is true for one caller
 * only.
 *
 * <p>The group does three jobs that a {@code WaitGroup} alone does not. {@code setLimit(3)} keeps at most three of
 * its goroutines running. The first task to throw makes {@code await()} throw that exception (later ones are
 * dropped). And the group made by {@code Group.withContext} cancels its context at that first error, so the other
 * fetches give up instead of running to the end of a crawl nobody will use. In Go:
 *
 * <pre>{@code
 * g, ctx := errgroup.WithContext(context.Background())
 * g.SetLimit(3)
 * g.Go(func() error { return visit(ctx, g, start) })
 * if err := g.Wait(); err != nil { ... }
 * }</pre>
 *
 * <p>One trap: a task must not call {@code g.go} in a group with a limit. {@code go} waits for a free slot, and if
 * every slot is held by a task that is itself waiting in {@code go}, none is ever freed (Go's errgroup deadlocks the
 * same way). So a task offers each new link with {@code tryGo}, which starts a goroutine only if a slot is free, and
 * when none is, visits the link itself: the crawl goes on in a goroutine that already holds a slot.
 *
 * <p>Two crawls. The first covers the whole fake web, prints the pages sorted by URL, and checks what it measured:
 * as many fetches as pages, and never more than three fetches at once. The second crawl runs on a variant of the web
 * with a dead link and a mirror that takes a minute to answer. The start page links to the mirror first, when its
 * own task holds the only busy slot, so the mirror certainly gets a goroutine of its own, which holds its slot,
 * waiting, until the dead link's fetch fails. That failure cancels the context: the mirror's fetch sees {@code ctx.done()} closed and gives up, so the
 * crawl ends at once instead of in a minute. {@code await()} throws the dead link's error, the first and only one
 * that is not a cancellation.
 *
 * {@snippet :
 * Crawler.crawl(Crawler.WEB, 3); // lists the 10 pages of the fake web
 * }
 */
public final class Crawler {
    /** Where both crawls start. */
    static final String START = "https://go4j.example/";
    /** The mirror of the second crawl, which answers after a minute. */
    static final String MIRROR = "https://go4j.example/mirror/";
    /** How many fetches may run at once. */
    static final int LIMIT = 3;

    /** How long a fetch from the fake web takes. */
    private static final Duration LATENCY = Duration.ofMillis(2);

    /** A page of the fake web. */
    record Page(String title, Duration latency, List<String> links) {
    }

    /** The fake web: ten pages, with links back and forth. */
    static final Map<String, Page> WEB = Map.of(
            START, page("go4j", "tour/", "docs/", "blog/"),
            START + "tour/", page("A tour of go4j", "tour/goroutines/", "tour/channels/", ""),
            START + "tour/goroutines/", page("Goroutines", "tour/channels/", "docs/"),
            START + "tour/channels/", page("Channels", "tour/select/", "tour/goroutines/"),
            START + "tour/select/", page("Select", "tour/"),
            START + "docs/", page("Documentation", "docs/context/", ""),
            START + "docs/context/", page("Package context", "docs/errgroup/"),
            START + "docs/errgroup/", page("Package errgroup", "docs/context/", "tour/select/"),
            START + "blog/", page("Blog", "blog/pipelines/"),
            START + "blog/pipelines/", page("Pipelines and cancellation", "tour/channels/", "docs/context/"));

    /** The fake web with a slow mirror, linked first from the start page, and a dead link from the blog. */
    static final Map<String, Page> BROKEN_WEB = broken();

    private Crawler() {
    }

    /**
     * Runs the lesson as a Go program.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Go.main(args, Crawler::run);
    }

    /** The two crawls. */
    static void run() throws Exception {
        crawl(WEB, LIMIT);
        System.out.println();
        crawl(BROKEN_WEB, LIMIT);
    }

    /** Crawls {@code web} from {@link #START} with at most {@code limit} fetches at once, and reports. */
    static void crawl(Map<String, Page> web, int limit) throws Exception {
        GroupAndContext gc = Group.withContext(Context.background());
        var crawl = new Crawl(web, gc.group(), gc.context());
        gc.group().setLimit(limit);
        crawl.seen.add(START);
        gc.group().go(() -> crawl.visit(START));
        try {
            gc.group().await();
        } catch (Exception e) {
            System.out.println("crawl failed: " + e.getMessage());
            System.out.println("the mirror's fetch ended with: " + crawl.failures.get(MIRROR));
            System.out.println("ctx.err() after await: " + gc.context().err().getMessage());
            return;
        }
        new TreeMap<>(crawl.titles).forEach((url, title) -> System.out.println(url + "  \"" + title + "\""));
        System.out.println(crawl.fetches.get() + " fetches for " + crawl.titles.size() + " pages");
        System.out.println("max concurrent fetches within limit " + limit + ": " + (crawl.most.get() <= limit));
    }

    /** One crawl: what its goroutines share. */
    private static final class Crawl {
        final Map<String, Page> web;
        final Group group;
        final Context ctx;
        /** URLs handed to a visit so far: add() is true for exactly one caller per URL. */
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        /** URL to title of each page fetched. */
        final Map<String, String> titles = new ConcurrentHashMap<>();
        /** URL to the message of its failed fetch. */
        final Map<String, String> failures = new ConcurrentHashMap<>();
        /** Fetches started; fetches running now; the most ever running at once. */
        final AtomicInteger fetches = new AtomicInteger();
        final AtomicInteger fetching = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        Crawl(Map<String, Page> web, Group group, Context ctx) {
            this.web = web;
            this.group = group;
            this.ctx = ctx;
        }

        /** Fetches {@code url}, then visits each link not seen before: in a new goroutine if a slot is free. */
        void visit(String url) throws Exception {
            Page page = fetch(url);
            titles.put(url, page.title());
            for (String link : page.links()) {
                if (seen.add(link) && !group.tryGo(() -> visit(link))) {
                    visit(link); // no free slot: this goroutine holds one, so it crawls on itself
                }
            }
        }

        /** Fetches {@code url} from the fake web, giving up when the crawl's context is done. */
        Page fetch(String url) throws Exception {
            fetches.incrementAndGet();
            most.accumulateAndGet(fetching.incrementAndGet(), Math::max);
            try {
                Page page = web.get(url);
                Duration latency = page == null ? LATENCY : page.latency();
                if (select(latency, onReceive(ctx.done(), signal -> { }))) {
                    throw ctx.err(); // done before the answer came, Go's `return nil, ctx.Err()`
                }
                if (page == null) {
                    throw new IOException("not found: " + url);
                }
                return page;
            } catch (Exception e) {
                failures.put(url, e.getMessage());
                throw e;
            } finally {
                fetching.decrementAndGet();
            }
        }
    }

    /** A page of {@link #START}'s site, with links relative to {@link #START}. */
    private static Page page(String title, String... links) {
        return new Page(title, LATENCY, Arrays.stream(links).map(link -> START + link).toList());
    }

    private static Map<String, Page> broken() {
        Map<String, Page> web = new LinkedHashMap<>(WEB);
        Page start = web.get(START);
        web.put(START, new Page(start.title(), LATENCY,
                List.of(MIRROR, START + "tour/", START + "docs/", START + "blog/")));
        web.put(MIRROR, new Page("Mirror", Duration.ofMinutes(1), List.of()));
        Page pipelines = web.get(START + "blog/pipelines/");
        web.put(START + "blog/pipelines/", new Page(pipelines.title(), LATENCY,
                List.of(START + "docs/context/", START + "blog/2019/old-post/")));
        return Map.copyOf(web);
    }
}
