package dev.go4j.snippets;

// @start region="hello"
import dev.go4j.Go;
import dev.go4j.sync.WaitGroup;

public class Hello {
    public static void main(String[] args) {
        Go.main(args, () -> {
            var wg = new WaitGroup();
            for (int i = 0; i < 3; i++) {
                int n = i;
                wg.go(() -> System.out.println("hello from goroutine " + n));
            }
            wg.await();
        });
    }
}
// @end
