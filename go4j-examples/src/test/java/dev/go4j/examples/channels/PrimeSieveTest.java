package dev.go4j.examples.channels;

import static dev.go4j.testsupport.GoTesting.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.go4j.Chan;
import dev.go4j.Empty;
import dev.go4j.WaitReason;
import dev.go4j.sync.WaitGroup;
import dev.go4j.testing.Goroutines;
import dev.go4j.testing.Output;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimeSieveTest {
    @Output("""
            2 3 5 7 11 13 17 19 23 29
            31 37 41 43 47 53 59 61 67 71
            73 79 83 89 97 101 103 107 109 113
            127 131 137 139 149 151 157 163 167 173
            179 181 191 193 197 199 211 223 227 229
            233 239 241 251 257 263 269 271 277 281
            283 293 307 311 313 317 331 337 347 349
            353 359 367 373 379 383 389 397 401 409
            419 421 431 433 439 443 449 457 461 463
            467 479 487 491 499 503 509 521 523 541
            """)
    void theFirstHundredPrimes() {
        PrimeSieve.run(PrimeSieve.PRIMES);
    }

    @Output("""
            2 3 5 7 11 13 17 19 23 29
            31 37
            """)
    void aShortLastLine() {
        PrimeSieve.run(12);
    }

    /** A filter passes the numbers its prime does not divide, in order, and closes its output when its input ends. */
    @Test
    void aFilterDropsMultiplesAndClosesItsOutput() {
        Chan<Integer> in = Chan.make(10);
        for (int n = 2; n <= 10; n++) {
            in.send(n);
        }
        in.close();
        Chan<Integer> out = Chan.make(10);

        PrimeSieve.filter(in, out, 3, Chan.make());

        List<Integer> passed = new ArrayList<>();
        out.forEach(passed::add);
        assertThat(passed).containsExactly(2, 4, 5, 7, 8, 10);
    }

    /** Closing done stops a stage blocked in a send: it returns and closes its output. */
    @Test
    void closingDoneStopsAStageBlockedInASend() {
        Chan<Integer> out = Chan.make();
        Chan<Empty> done = Chan.make();
        var wg = new WaitGroup();
        wg.go(() -> PrimeSieve.generate(out, done));

        assertThat(out.receive()).isEqualTo(2);
        assertThat(out.receive()).isEqualTo(3);
        Goroutines.awaitBlocked(out, WaitReason.SELECT, 1, TIMEOUT); // offering 4
        done.close();
        wg.await();

        assertThat(out.receiveOk().ok()).isFalse();
    }
}
