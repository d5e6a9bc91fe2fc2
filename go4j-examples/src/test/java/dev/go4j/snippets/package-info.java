/**
 * The examples that the Javadoc of go4j-core and go4j-testing shows, as compiled and tested code.
 *
 * <p>Each class here holds the examples of one part of the API as regions ({@code // @start region="name"} …
 * {@code // @end}) that a Javadoc comment shows with {@code {@snippet file="ChanSnippets.java" region="chan"}}:
 * the build runs javadoc for go4j-core and go4j-testing with this directory as its {@code --snippet-path}, so a
 * missing file or region fails the build. The classes are test classes too: every region sits in a testable
 * example ({@code @Output}, {@code @UnorderedOutput}) or a test that calls it, so an example that stops compiling
 * or stops doing what its comments say fails the build as well. Code outside the regions (the helpers an example
 * calls, the checks after it) is not shown.
 *
 * <p>{@link dev.go4j.snippets.Hello} is a whole program, run in a child JVM by
 * {@code dev.go4j.examples.tour.HelloSnippetTest}, because {@code Go.main} ends its process.
 */
package dev.go4j.snippets;
