package dev.go4j.examples.tour;

/**
 * One lesson of the tour, as listed in the index {@code lessons.txt}.
 *
 * {@snippet :
 * var lesson = new Lesson("fork-join", "dev.go4j.examples.goroutines.ForkJoin", "Fork workers, then join them");
 * }
 *
 * @param name the name to run it by, as in {@code ./go4j tour fork-join}
 * @param mainClass the fully qualified name of its class with a {@code main} method
 * @param description one line saying what it teaches
 */
record Lesson(String name, String mainClass, String description) {
}
