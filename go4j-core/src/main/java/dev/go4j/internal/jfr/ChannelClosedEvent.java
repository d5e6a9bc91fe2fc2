package dev.go4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.go4j.ChannelClosed}: a channel was closed, with the stack trace of the closing call. Off unless the
 * recording enables it: programs close a channel per context, per request, so the default configurations would
 * fill with them.
 */
@Name("dev.go4j.ChannelClosed")
@Label("Channel Closed")
@Category("go4j")
@Description("A channel was closed: its name, capacity, what was still buffered and whom the close woke")
@Enabled(false)
@StackTrace(true)
final class ChannelClosedEvent extends Event {
    @Label("Channel")
    @Description("The channel's debug name (Chan.named); absent if it has none")
    final String channel;

    @Label("Identity")
    @Description("The channel's identity as its toString() and goroutine dumps show it, such as chan@1b6d3586")
    final String identity;

    @Label("Capacity")
    @Description("The capacity of its buffer; 0 for an unbuffered channel")
    final int capacity;

    @Label("Buffered")
    @Description("How many elements were still buffered when it was closed; receivers still get them")
    final int buffered;

    @Label("Receivers Woken")
    @Description("How many waiting receivers the close woke (they receive the zero value)")
    final int receiversWoken;

    @Label("Senders Woken")
    @Description("How many waiting senders the close woke (each panics: send on closed channel)")
    final int sendersWoken;

    ChannelClosedEvent(String channel, String identity, int capacity, int buffered, int receiversWoken,
            int sendersWoken) {
        this.channel = channel;
        this.identity = identity;
        this.capacity = capacity;
        this.buffered = buffered;
        this.receiversWoken = receiversWoken;
        this.sendersWoken = sendersWoken;
    }

    static void emit(String channel, String identity, int capacity, int buffered, int receiversWoken,
            int sendersWoken) {
        new ChannelClosedEvent(channel, identity, capacity, buffered, receiversWoken, sendersWoken).commit();
    }
}
