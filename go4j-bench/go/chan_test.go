package go4jbench

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// The second table: the spirit of the benchmarks in Go's runtime/chan_test.go, written anew for this suite and
// mirrored by ChanTest.java. Where a benchmark runs "in parallel" it uses b.RunParallel, which runs one goroutine
// per GOMAXPROCS; the Java side splits the operations evenly over one goroutine per processor.

// BenchmarkChanNonblocking: non-blocking receives from an unbuffered channel that nobody sends on.
func BenchmarkChanNonblocking(b *testing.B) {
	ch := make(chan *token)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			select {
			case <-ch:
			default:
			}
		}
	})
}

// BenchmarkChanUncontended: each goroutine fills its own channel of capacity 100 and drains it again, so nothing
// ever blocks; an operation is one send and, amortized, one receive.
func BenchmarkChanUncontended(b *testing.B) {
	const capacity = 100
	b.RunParallel(func(pb *testing.PB) {
		mine := make(chan *token, capacity)
		queued := 0
		for pb.Next() {
			mine <- theToken
			if queued++; queued == capacity {
				for ; queued > 0; queued-- {
					<-mine
				}
			}
		}
	})
}

// BenchmarkSelectUncontended: each goroutine passes a token between its own two channels of capacity 1.
func BenchmarkSelectUncontended(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		c1, c2 := make(chan *token, 1), make(chan *token, 1)
		c1 <- theToken
		for pb.Next() {
			select {
			case v := <-c1:
				c2 <- v
			case v := <-c2:
				c1 <- v
			}
		}
	})
}

// BenchmarkSelectSyncContended: receivers select over three shared unbuffered channels; one helper per
// receiver selects over sending to all three, until done is closed.
func BenchmarkSelectSyncContended(b *testing.B) {
	c1, c2, c3 := make(chan *token), make(chan *token), make(chan *token)
	done := make(chan struct{})
	var helpers sync.WaitGroup
	b.RunParallel(func(pb *testing.PB) {
		helpers.Add(1)
		go func() {
			defer helpers.Done()
			for {
				select {
				case c1 <- theToken:
				case c2 <- theToken:
				case c3 <- theToken:
				case <-done:
					return
				}
			}
		}()
		for pb.Next() {
			select {
			case <-c1:
			case <-c2:
			case <-c3:
			}
		}
	})
	close(done)
	helpers.Wait()
}

// BenchmarkSelectProdCons: each goroutine produces into its own channel of capacity 128 with a select that also
// watches a timer and a close channel; its own consumer drains it with a similar select. Both do local work per
// element.
func BenchmarkSelectProdCons(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		items := make(chan int, 128)
		closing := make(chan struct{})
		consumed := make(chan struct{}, 1)
		timer := time.NewTimer(time.Hour)
		go func() {
			work := 0
			for {
				select {
				case <-timer.C:
				case v := <-items:
					if v == 0 {
						sink = work
						consumed <- struct{}{}
						return
					}
					work = localWork(work)
				case <-closing:
				}
			}
		}()
		work := 0
		for pb.Next() {
			select {
			case items <- 1:
			case <-timer.C:
			case <-closing:
			}
			work = localWork(work)
		}
		sink = work
		items <- 0
		<-consumed
		timer.Stop()
	})
}

// BenchmarkChanSync: two goroutines hand a value back and forth over one unbuffered channel; one operation is
// one hand-off.
func BenchmarkChanSync(b *testing.B) {
	ch := make(chan *token)
	rounds := b.N / 2
	done := make(chan struct{})
	go func() {
		for i := 0; i < rounds; i++ {
			<-ch
			ch <- theToken
		}
		close(done)
	}()
	for i := 0; i < rounds; i++ {
		ch <- theToken
		<-ch
	}
	<-done
}

func BenchmarkChanProdCons0(b *testing.B)   { prodCons(b, 0) }
func BenchmarkChanProdCons10(b *testing.B)  { prodCons(b, 10) }
func BenchmarkChanProdCons100(b *testing.B) { prodCons(b, 100) }

// prodCons: GOMAXPROCS producers and as many consumers on one channel of the given capacity.
func prodCons(b *testing.B, capacity int) {
	procs := runtime.GOMAXPROCS(0)
	ch := make(chan *token, capacity)
	share := b.N / procs
	var wg sync.WaitGroup
	for p := 0; p < procs; p++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := 0; i < share; i++ {
				ch <- theToken
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < share; i++ {
				<-ch
			}
		}()
	}
	wg.Wait()
}

// BenchmarkChanCreation: make a channel of capacity 1, send on it, receive from it.
func BenchmarkChanCreation(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			ch := make(chan *token, 1)
			ch <- theToken
			<-ch
		}
	})
}

// BenchmarkChanSem: a channel of capacity GOMAXPROCS used as a counting semaphore.
func BenchmarkChanSem(b *testing.B) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			sem <- struct{}{}
			<-sem
		}
	})
}
