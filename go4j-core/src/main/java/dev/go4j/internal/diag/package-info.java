/**
 * go4j's runtime diagnostics, the top layer of go4j's internals: the deadlock report of Go.main and Go.run programs, which
 * reads every layer below (registry, scheduler, timers) and uses none of the public facades.
 */
package dev.go4j.internal.diag;
