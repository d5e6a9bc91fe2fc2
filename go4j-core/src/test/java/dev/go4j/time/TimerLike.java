package dev.go4j.time;

import dev.go4j.Chan;
import dev.go4j.ReceiveChan;
import java.time.Duration;
import java.time.Instant;

/**
 * What the ports of Go's {@code time} tests need of a timer: Go's test-local {@code timer} interface (Stop and
 * Reset returning whether the timer was running) plus its channel, with the three kinds of timer those tests drive
 * through it.
 */
interface TimerLike {
    ReceiveChan<Instant> c();

    boolean stop();

    boolean reset(Duration d);

    /** A {@link Timer} from {@link Time#newTimer}: the runtime's synchronous timer channel. */
    static TimerLike of(Timer timer) {
        return new TimerLike() {
            @Override
            public ReceiveChan<Instant> c() {
                return timer.c();
            }

            @Override
            public boolean stop() {
                return timer.stop();
            }

            @Override
            public boolean reset(Duration d) {
                return timer.reset(d);
            }
        };
    }

    /**
     * Go's {@code tickerTimer}: a {@link Ticker} whose stop and reset report whether it was running (not stopped
     * since its last reset), so that it can stand where a timer is expected.
     */
    static TimerLike of(Ticker ticker) {
        return new TimerLike() {
            private boolean stopped;

            @Override
            public ReceiveChan<Instant> c() {
                return ticker.c();
            }

            @Override
            public boolean stop() {
                boolean pending = !stopped;
                stopped = true;
                ticker.stop();
                return pending;
            }

            @Override
            public boolean reset(Duration d) {
                boolean pending = !stopped;
                stopped = false;
                ticker.reset(d);
                return pending;
            }
        };
    }

    /**
     * Go's {@code newTimerFunc}: a timer from {@link Time#afterFunc} whose function sends the current time on a
     * channel of capacity 1, which stands in for the timer's channel. It takes the func path, where none of the
     * special cases of timer channels apply.
     */
    static TimerLike funcTimer(Duration d) {
        Chan<Instant> c = Chan.make(1);
        Timer timer = Time.afterFunc(d, () -> c.send(Time.now()));
        return new TimerLike() {
            @Override
            public ReceiveChan<Instant> c() {
                return c;
            }

            @Override
            public boolean stop() {
                return timer.stop();
            }

            @Override
            public boolean reset(Duration d) {
                return timer.reset(d);
            }
        };
    }
}
