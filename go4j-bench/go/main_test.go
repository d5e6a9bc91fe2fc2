package go4jbench

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// The main table. Each benchmark mirrors the JMH class of the same name (BenchmarkPingPong is PingPong.java);
// one operation is the same unit of work on both sides.

// BenchmarkPingPong: one round trip over two unbuffered channels (row 1, and row 9 under side load).
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan *token), make(chan *token)
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; i++ {
			pong <- <-ping
		}
		close(done)
	}()
	for i := 0; i < b.N; i++ {
		ping <- theToken
		<-pong
	}
	<-done
}

// BenchmarkBuffered: one producer, one consumer, one buffered channel (row 2; cap=16 also in row 9).
func BenchmarkBuffered(b *testing.B) {
	for _, capacity := range []int{16, 1024} {
		capacity := capacity
		b.Run(fmt.Sprintf("cap=%d", capacity), func(b *testing.B) {
			ch := make(chan *token, capacity)
			go func() {
				for i := 0; i < b.N; i++ {
					ch <- theToken
				}
			}()
			for i := 0; i < b.N; i++ {
				<-ch
			}
		})
	}
}

// BenchmarkSelect2: a consumer selects over two channels, each fed by its own producer (row 3).
func BenchmarkSelect2(b *testing.B) {
	for _, capacity := range []int{0, 16} {
		capacity := capacity
		b.Run(fmt.Sprintf("cap=%d", capacity), func(b *testing.B) {
			x, y := make(chan *token, capacity), make(chan *token, capacity)
			produce := func(ch chan<- *token, n int) {
				for i := 0; i < n; i++ {
					ch <- theToken
				}
			}
			go produce(x, b.N/2)
			go produce(y, b.N-b.N/2)
			for i := 0; i < b.N; i++ {
				select {
				case <-x:
				case <-y:
				}
			}
		})
	}
}

// BenchmarkSelectTimeout: each operation makes a timer, selects over two fed channels (cap 16), a quit channel
// that never becomes ready and the timer, then stops the timer (row 4). The timer (an hour) never fires.
func BenchmarkSelectTimeout(b *testing.B) {
	x, y := make(chan *token, 16), make(chan *token, 16)
	quit := make(chan struct{})
	produce := func(ch chan<- *token, n int) {
		for i := 0; i < n; i++ {
			ch <- theToken
		}
	}
	go produce(x, b.N/2)
	go produce(y, b.N-b.N/2)
	for i := 0; i < b.N; i++ {
		timeout := time.NewTimer(time.Hour)
		select {
		case <-x:
		case <-y:
		case <-quit:
			b.Fatal("quit is never closed")
		case <-timeout.C:
			b.Fatal("the timeout fired")
		}
		timeout.Stop()
	}
}

// goroutines is how many goroutines one operation of BenchmarkSpawn starts.
const goroutines = 100000

// BenchmarkSpawn: start 100 000 goroutines that only signal a WaitGroup, and wait for them (row 5).
func BenchmarkSpawn(b *testing.B) {
	for i := 0; i < b.N; i++ {
		var wg sync.WaitGroup
		wg.Add(goroutines)
		for g := 0; g < goroutines; g++ {
			go wg.Done()
		}
		wg.Wait()
	}
}

// BenchmarkMutexContended: four goroutines take turns on one sync.Mutex to increment a counter (row 6).
func BenchmarkMutexContended(b *testing.B) {
	const parties = 4
	var mu sync.Mutex
	counter := 0
	var wg sync.WaitGroup
	for p := 0; p < parties; p++ {
		n := b.N / parties
		if p == 0 {
			n += b.N % parties
		}
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			for i := 0; i < n; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}(n)
	}
	wg.Wait()
	sink = counter
}

// BenchmarkFanIn: four producers send into one channel that one consumer drains (row 7).
func BenchmarkFanIn(b *testing.B) {
	for _, capacity := range []int{0, 16} {
		capacity := capacity
		b.Run(fmt.Sprintf("cap=%d", capacity), func(b *testing.B) {
			const producers = 4
			ch := make(chan *token, capacity)
			for p := 0; p < producers; p++ {
				n := b.N / producers
				if p == 0 {
					n += b.N % producers
				}
				go func(n int) {
					for i := 0; i < n; i++ {
						ch <- theToken
					}
				}(n)
			}
			for i := 0; i < b.N; i++ {
				<-ch
			}
		})
	}
}

// primes is how many primes one operation of BenchmarkSieve finds.
const primes = 1000

// BenchmarkSieve: the tour's concurrent prime sieve, first 1000 primes, end to end (row 8).
func BenchmarkSieve(b *testing.B) {
	limit := nthPrime(primes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := sieve(primes, limit); got != limit {
			b.Fatalf("sieve found %d as prime %d, want %d", got, primes, limit)
		}
	}
}

// The scheduler rows (the latencies of rows 12 and 14 are the program in ./latency).

// BenchmarkGosched: runtime.Gosched in a loop, in one goroutine or two yielding concurrently (each half of the
// operations); one operation is one call (row 11).
func BenchmarkGosched(b *testing.B) {
	for _, n := range []int{1, 2} {
		n := n
		b.Run(fmt.Sprintf("goroutines=%d", n), func(b *testing.B) {
			var wg sync.WaitGroup
			for g := 0; g < n; g++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < b.N/n; i++ {
						runtime.Gosched()
					}
				}()
			}
			wg.Wait()
		})
	}
}

// forkJoinTasks and forkJoinSteps: one fork-join of BenchmarkForkJoin is forkJoinTasks goroutines of
// forkJoinSteps steps of a xorshift generator each (about 75 µs).
const (
	forkJoinTasks = 16
	forkJoinSteps = 40000
)

// BenchmarkForkJoin: the benchmark goroutine splits CPU-bound work into 16 goroutines and waits for them with a
// WaitGroup, with GOMAXPROCS 1 and 2; one operation is the whole fork-join (row 13).
func BenchmarkForkJoin(b *testing.B) {
	for _, procs := range []int{1, 2} {
		procs := procs
		b.Run(fmt.Sprintf("procs=%d", procs), func(b *testing.B) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			for i := 0; i < b.N; i++ {
				var results [forkJoinTasks]int
				var wg sync.WaitGroup
				wg.Add(forkJoinTasks)
				for t := 0; t < forkJoinTasks; t++ {
					go func(t int) {
						defer wg.Done()
						results[t] = forkJoinWork(t)
					}(t)
				}
				wg.Wait()
				sum := 0
				for _, r := range results {
					sum += r
				}
				sink = sum
			}
		})
	}
}

// forkJoinWork is one goroutine's share of BenchmarkForkJoin: forkJoinSteps steps of Marsaglia's xorshift
// from a seed of its own, a dependent chain that no compiler can shorten.
func forkJoinWork(seed int) int {
	x := uint64(seed + 1)
	for i := 0; i < forkJoinSteps; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return int(int32(x))
}
