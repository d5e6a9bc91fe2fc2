package dev.go4j.internal.chan;

/**
 * One case of a select as the core sees it: a channel (null for the nil channel, whose case is never ready), a
 * direction, and for a send the value. Immutable: the channel and value are fixed when the select is built, as Go
 * evaluates them once on entry to the select statement.
 *
 * @param channel the channel, or null for a never-ready case
 * @param send true for a send case
 * @param value the value to send; null for a receive case
 */
public record SelectCase(Channel<?> channel, boolean send, Object value) {
}
