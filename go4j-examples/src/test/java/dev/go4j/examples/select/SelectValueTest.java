package dev.go4j.examples.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.testing.Output;
import org.junit.jupiter.api.Test;

class SelectValueTest {
    /** Only one source is ready each time, so both forms give the same, certain answer. */
    @Output("""
            the cache knows:
              value form:    cached gopher
              callback form: cached gopher
            the db knows:
              value form:    gopher from the db
              callback form: gopher from the db
            the db is closed:
              value form:    db closed
              callback form: db closed
            nobody answers:
              value form:    no answer within 20 ms
              callback form: no answer within 20 ms
            poll: nothing yet
            """)
    void bothFormsGiveTheSameAnswers() {
        SelectValue.run();
    }

    /** A lookup takes the answer of whichever source holds one, and leaves nothing behind. */
    @Test
    void aLookupTakesTheFirstAnswerAndLeavesTheOtherSource() {
        Chan<String> cache = Chan.make(1);
        Chan<String> db = Chan.make(1);
        db.send("db");
        assertThat(SelectValue.lookup(new SelectValue.Sources(cache, db))).isEqualTo("db");
        cache.send("cache");
        assertThat(SelectValue.lookup(new SelectValue.Sources(cache, db))).isEqualTo("cache");
        assertThat(cache.len() + db.len()).isZero();
    }
}
