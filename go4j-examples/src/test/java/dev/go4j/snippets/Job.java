package dev.go4j.snippets;

/**
 * A unit of work, for the channel and select examples.
 *
 * @param id the job's number
 */
record Job(int id) {
    /** What the examples do with a job: say so. */
    static void run(Job job) {
        System.out.println("running job " + job.id());
    }
}
