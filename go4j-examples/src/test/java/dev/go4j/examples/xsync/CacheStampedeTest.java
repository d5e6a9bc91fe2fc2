package dev.go4j.examples.xsync;

import dev.go4j.testing.Output;

class CacheStampedeTest {
    @Output("""
            callers asking for user:42 at once: 10
            database queries: 1
            every caller got the same object Row[id=42, name=gopher]: true
            every result says shared: true
            one more caller, after they all had their answer: Row[id=42, name=gopher], shared=false, same object: false
            database queries: 2
            """)
    void tenCallersOneQuery() throws Exception {
        CacheStampede.run(CacheStampede.CALLERS);
    }

    @Output("""
            callers asking for user:42 at once: 1000
            database queries: 1
            every caller got the same object Row[id=42, name=gopher]: true
            every result says shared: true
            one more caller, after they all had their answer: Row[id=42, name=gopher], shared=false, same object: false
            database queries: 2
            """)
    void aThousandCallersOneQuery() throws Exception {
        CacheStampede.run(1000);
    }

    /** A caller alone shares with nobody: shared is false even for a call that went through singleflight. */
    @Output("""
            callers asking for user:42 at once: 1
            database queries: 1
            every caller got the same object Row[id=42, name=gopher]: true
            every result says shared: false
            one more caller, after they all had their answer: Row[id=42, name=gopher], shared=false, same object: false
            database queries: 2
            """)
    void aLoneCallerSharesNothing() throws Exception {
        CacheStampede.run(1);
    }
}
