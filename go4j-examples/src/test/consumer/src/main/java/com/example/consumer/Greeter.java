package com.example.consumer;

import static dev.go4j.Go.go;

import dev.go4j.Chan;

/** The code under test of the consumer check: a greeting made by a goroutine. */
public final class Greeter {
    private Greeter() {
    }

    /** Returns a greeting for {@code name}, composed by a goroutine and received over a channel. */
    public static String greet(String name) {
        Chan<String> greeting = Chan.make();
        go(() -> greeting.send("hello, " + name));
        return greeting.receive();
    }
}
