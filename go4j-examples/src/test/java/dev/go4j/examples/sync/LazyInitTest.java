package dev.go4j.examples.sync;

import dev.go4j.testing.Output;

class LazyInitTest {
    /** Loaded once for ten concurrent callers; a failed load is reported, not retried. */
    @Output("""
            loading config (once)
            10 goroutines got the same config: true
            port 8080
            loading key (once)
            no key: key.pem
            no key: key.pem
            no key: key.pem
            """)
    void loadedOnce() {
        LazyInit.run(LazyInit.GOROUTINES);
    }
}
