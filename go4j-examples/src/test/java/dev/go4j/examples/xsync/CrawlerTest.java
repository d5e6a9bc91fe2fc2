package dev.go4j.examples.xsync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.testing.Output;
import org.junit.jupiter.api.Test;

class CrawlerTest {
    @Output("""
            https://go4j.example/  "go4j"
            https://go4j.example/blog/  "Blog"
            https://go4j.example/blog/pipelines/  "Pipelines and cancellation"
            https://go4j.example/docs/  "Documentation"
            https://go4j.example/docs/context/  "Package context"
            https://go4j.example/docs/errgroup/  "Package errgroup"
            https://go4j.example/tour/  "A tour of go4j"
            https://go4j.example/tour/channels/  "Channels"
            https://go4j.example/tour/goroutines/  "Goroutines"
            https://go4j.example/tour/select/  "Select"
            10 fetches for 10 pages
            max concurrent fetches within limit 3: true

            crawl failed: not found: https://go4j.example/blog/2019/old-post/
            the mirror's fetch ended with: context canceled
            ctx.err() after await: context canceled
            """)
    void aWholeCrawlThenOneStoppedByADeadLink() throws Exception {
        Crawler.run();
    }

    /** With one slot, tryGo never finds another free: the start page's goroutine crawls everything itself. */
    @Output("""
            https://go4j.example/  "go4j"
            https://go4j.example/blog/  "Blog"
            https://go4j.example/blog/pipelines/  "Pipelines and cancellation"
            https://go4j.example/docs/  "Documentation"
            https://go4j.example/docs/context/  "Package context"
            https://go4j.example/docs/errgroup/  "Package errgroup"
            https://go4j.example/tour/  "A tour of go4j"
            https://go4j.example/tour/channels/  "Channels"
            https://go4j.example/tour/goroutines/  "Goroutines"
            https://go4j.example/tour/select/  "Select"
            10 fetches for 10 pages
            max concurrent fetches within limit 1: true
            """)
    void oneSlotCrawlsInOneGoroutineWithoutDeadlock() throws Exception {
        Crawler.crawl(Crawler.WEB, 1);
    }

    /**
     * With two slots the mirror still gets a goroutine of its own and the start page's goroutine crawls the rest
     * itself. (With one slot, that goroutine would visit the mirror itself and wait out its minute.)
     */
    @Output("""
            crawl failed: not found: https://go4j.example/blog/2019/old-post/
            the mirror's fetch ended with: context canceled
            ctx.err() after await: context canceled
            """)
    void theDeadLinkCancelsTheMirrorWithTwoSlotsToo() throws Exception {
        Crawler.crawl(Crawler.BROKEN_WEB, 2);
    }

    @Test
    void theBrokenWebHasTheMirrorFirstAndADeadLink() {
        assertThat(Crawler.BROKEN_WEB.get(Crawler.START).links()).first().isEqualTo(Crawler.MIRROR);
        assertThat(Crawler.BROKEN_WEB).doesNotContainKey("https://go4j.example/blog/2019/old-post/");
        assertThat(Crawler.BROKEN_WEB.get("https://go4j.example/blog/pipelines/").links())
                .contains("https://go4j.example/blog/2019/old-post/");
    }
}
