// Package go4jbench holds the Go side of go4j's benchmarks: the same workloads as the JMH suite in
// go4j-bench/src/main/java/dev/go4j/bench, so that "./go4j bench" can put Go's numbers next to go4j's.
//
// Rules, the same as on the Java side: every party is a goroutine; what is sent is one cached pointer (or, in
// the sieve, an int); the code is what a Go programmer would write. Only the standard library, and only what Go
// 1.19 has (the Go that Debian's package manager offers), so loop variables are copied explicitly before
// closures capture them.
package go4jbench

// token is what the benchmarks send: one cached object, like the Java side's.
type token struct{ _ int }

var theToken = &token{}

// sink keeps results alive so that the compiler cannot drop the work that made them.
var sink int

// localWork is about 100 steps of arithmetic between channel operations (the chan_test ports use it).
func localWork(x int) int {
	for i := 0; i < 100; i++ {
		x = x*1103515245 + 12345
	}
	return x
}

// nthPrime returns the n-th prime, by trial division (setup only).
func nthPrime(n int) int {
	found := 0
	for candidate := 2; ; candidate++ {
		prime := true
		for d := 2; d*d <= candidate; d++ {
			if candidate%d == 0 {
				prime = false
				break
			}
		}
		if prime {
			found++
			if found == n {
				return candidate
			}
		}
	}
}

// sieve finds the first n primes with the concurrent sieve of Go's tour and returns the last one. The generator
// stops at limit (the n-th prime) and closes its channel; each filter closes its output once its input is closed,
// and the chain is drained at the end, so every goroutine ends.
func sieve(n, limit int) int {
	ch := make(chan int)
	go func(out chan<- int) {
		for i := 2; i <= limit; i++ {
			out <- i
		}
		close(out)
	}(ch)
	prime := 0
	for i := 0; i < n; i++ {
		prime = <-ch
		if i == n-1 {
			break
		}
		out := make(chan int)
		go filter(ch, out, prime)
		ch = out
	}
	for v := range ch {
		panic(v) // nothing comes after the last prime
	}
	return prime
}

func filter(in <-chan int, out chan<- int, prime int) {
	for v := range in {
		if v%prime != 0 {
			out <- v
		}
	}
	close(out)
}
