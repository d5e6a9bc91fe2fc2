/**
 * The tour's select chapter: waiting on several channel operations at once with {@link dev.go4j.Select}, Go's
 * {@code select} statement. Each lesson is a runnable class ({@code public static void main}, through
 * {@link dev.go4j.Go#main Go.main}) whose class comment explains its point, with a package-private body that its
 * testable example calls; run them with {@code ./go4j tour}.
 *
 * <ol>
 *   <li>{@link dev.go4j.examples.select.FanIn}: one consumer merges several producers;</li>
 *   <li>{@link dev.go4j.examples.select.SelectTimeout}: give up waiting, with {@code Time.after} or a timed
 *       select;</li>
 *   <li>{@link dev.go4j.examples.select.NilChannelDisablesCase}: a nil channel switches a case off;</li>
 *   <li>{@link dev.go4j.examples.select.FutureInSelect}: a {@code CompletableFuture} as one case among
 *       channels;</li>
 *   <li>{@link dev.go4j.examples.select.SelectValue}: a select that returns a value, {@code selectValue} over
 *       clauses.</li>
 * </ol>
 *
 * <p>Cases are values made by {@code onReceive}, {@code onReceiveOk}, {@code onSend} and {@code orElse} (clauses of
 * the value form by {@code receiveClause}, {@code receiveOkClause}, {@code sendClause}, {@code defaultClause} and
 * {@code afterClause}); when several are ready, select picks one at random, so outputs that depend on that choice
 * are checked unordered.
 */
package dev.go4j.examples.select;
