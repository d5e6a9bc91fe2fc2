/**
 * Go's synctest bubbles (testing/synctest): a body and its goroutines on one carrier thread of their own with a
 * fake clock that moves only when every goroutine is durably blocked. The top layer of go4j's internals; the
 * testing kit reaches it through {@code dev.go4j.runtime.Bubbles}.
 */
package dev.go4j.internal.synctest;
