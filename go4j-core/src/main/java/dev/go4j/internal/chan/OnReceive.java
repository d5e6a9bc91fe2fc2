package dev.go4j.internal.chan;

/**
 * A receive case of go4j's own selects (a context watching a foreign parent): {@code action} runs when the case
 * is chosen, the value received is ignored.
 *
 * @param channel the channel to receive from; null or the nil channel for a case that is never ready
 * @param action what to do when the case is chosen
 */
public record OnReceive(Channel<?> channel, Runnable action) {
    /** The reader of these cases. */
    public static final CaseReader<OnReceive, Void> READER = new CaseReader<>() {
        @Override
        public Kind kind(OnReceive c) {
            return Kind.RECEIVE;
        }

        @Override
        public Channel<?> channel(OnReceive c) {
            return c.channel;
        }

        @Override
        public Object value(OnReceive c) {
            return null;
        }

        @Override
        public Void fire(OnReceive c, Object value, boolean ok) {
            c.action.run();
            return null;
        }

        @Override
        public Void timedOut(OnReceive[] cases) {
            return null;
        }
    };
}
