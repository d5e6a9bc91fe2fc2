// Command latency measures the latency rows of go4j's benchmark report (scheduler rows 12 and 14), as go4j's
// Latency.java does for the JVM: it prints one line "latency METRIC go NANOS" per sample, for
//
//	first-timer  how late the process's first timer (time.After(1 ms)) wakes its receiver; one sample per process
//	child-start  the time from "go f()" in a goroutine to f's first statement, the parent then waiting for the
//	             child on an unbuffered channel; each sample the mean of a batch of starts
//	timer-idle   how late a 1 ms timer's receiver wakes with nothing else running; each sample the median of a
//	             batch of timers received one after the other
//	timer-busy   the same while two goroutines play ping-pong on unbuffered channels in the background
//
// Batches before the measured ones are not printed (as on the JVM, where they warm the JIT up). Each round of
// the report is a fresh process.
package main

import (
	"flag"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// timer is every timer's duration.
const timer = time.Millisecond

func main() {
	warmup := flag.Int("warmup", 2, "batches before the measured ones")
	batches := flag.Int("batches", 5, "measured batches per metric")
	spawns := flag.Int("spawns", 2000, "child starts per batch")
	timers := flag.Int("timers", 100, "timers per batch")
	flag.Parse()

	fmt.Printf("latency first-timer go %.1f\n", float64(timerLateness()))
	measure := func(metric string, batch func() float64) {
		for b := 0; b < *warmup+*batches; b++ {
			nanos := batch()
			if b >= *warmup {
				fmt.Printf("latency %s go %.1f\n", metric, nanos)
			}
		}
	}
	measure("child-start", func() float64 { return childStart(*spawns) })
	measure("timer-idle", func() float64 { return medianTimerLateness(*timers) })
	stop := startBusyPair()
	measure("timer-busy", func() float64 { return medianTimerLateness(*timers) })
	stop()
}

// timerLateness is how late one timer wakes its receiver, in nanoseconds.
func timerLateness() time.Duration {
	start := time.Now()
	<-time.After(timer)
	return time.Since(start) - timer
}

func medianTimerLateness(timers int) float64 {
	late := make([]time.Duration, timers)
	for i := range late {
		late[i] = timerLateness()
	}
	sort.Slice(late, func(i, j int) bool { return late[i] < late[j] })
	if timers%2 == 1 {
		return float64(late[timers/2])
	}
	return float64(late[timers/2-1]+late[timers/2]) / 2
}

// childStart is the mean time from "go child()" to the child's first statement over spawns starts.
func childStart(spawns int) float64 {
	done := make(chan struct{})
	var started time.Time // written by each child before its send, read after the matching receive
	child := func() {
		started = time.Now()
		done <- struct{}{}
	}
	var total time.Duration
	for i := 0; i < spawns; i++ {
		start := time.Now()
		go child()
		<-done
		total += started.Sub(start)
	}
	return float64(total) / float64(spawns)
}

// startBusyPair starts two goroutines playing ping-pong on unbuffered channels and returns the function that
// stops them and waits until they have ended.
func startBusyPair() (stop func()) {
	ping, pong := make(chan struct{}), make(chan struct{})
	var stopping int32
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for atomic.LoadInt32(&stopping) == 0 {
			ping <- struct{}{}
			<-pong
		}
		close(ping)
	}()
	go func() {
		defer wg.Done()
		for ball := range ping {
			pong <- ball
		}
	}()
	return func() {
		atomic.StoreInt32(&stopping, 1)
		wg.Wait()
	}
}
