package dev.go4j.examples.sync;

import dev.go4j.testing.Output;

class BoundedBufferTest {
    /** Each producer's numbers arrive in order, and the buffer stays within its capacity. */
    @Output("""
            from producer 1: 101 102 103 104 105
            from producer 2: 201 202 203 204 205
            never more than 3 buffered: true
            """)
    void twoProducersThroughThreeSlots() {
        BoundedBuffer.run(BoundedBuffer.PRODUCERS, BoundedBuffer.ITEMS, BoundedBuffer.CAPACITY);
    }

    /** A buffer of one: every put waits for the previous take. */
    @Output("""
            from producer 1: 101 102 103 104 105 106 107 108
            from producer 2: 201 202 203 204 205 206 207 208
            from producer 3: 301 302 303 304 305 306 307 308
            never more than 1 buffered: true
            """)
    void threeProducersThroughOneSlot() {
        BoundedBuffer.run(3, 8, 1);
    }
}
