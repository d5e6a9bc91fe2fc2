// Command blockedmem measures the memory row of go4j's benchmark report: bytes per goroutine blocked in a
// channel receive. It starts n goroutines that all block receiving from one unbuffered channel and divides the
// growth of HeapAlloc + StackInuse (after runtime.GC, before and with all of them blocked) by n, prints
// "bytes-per-goroutine go VALUE" and exits. Each sample is a fresh process: a process that has already run a
// million goroutines reuses their descriptors and stacks. go4j's BlockedMemory does the same for the JVM.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

func main() {
	n := flag.Int("n", 1000000, "goroutines to block")
	flag.Parse()
	fmt.Printf("bytes-per-goroutine go %.1f\n", measure(*n))
	// The goroutines are still blocked: exit rather than wake a million of them.
	os.Exit(0)
}

// waiter blocks in a receive; a top-level function with arguments, so that starting it allocates nothing but
// the goroutine itself.
func waiter(ch <-chan struct{}, started *sync.WaitGroup) {
	started.Done()
	<-ch
}

func measure(n int) float64 {
	ch := make(chan struct{})
	var started sync.WaitGroup
	started.Add(n)
	before := inUse()
	for i := 0; i < n; i++ {
		go waiter(ch, &started)
	}
	started.Wait()
	// Every goroutine has run up to its receive; give the last ones time to park there. Go has no public way
	// to ask whether a goroutine is parked (the JVM side polls Thread.getState), so wait a little.
	time.Sleep(200 * time.Millisecond)
	after := inUse()
	return float64(after-before) / float64(n)
}

// inUse is HeapAlloc + StackInuse after a collection.
func inUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}
