// The chaos workload: one idempotent producer (acks=all, unbounded retries)
// and one consumer (read_committed, assigned every partition from the log
// start) against one topic, recording every send and poll, and a final drain
// of every partition to its end offset, in the history format of the
// fault-injection suite (e2e/chaos/history.ts), one JSON object a line.
//
//	franzgo BOOTSTRAP chaos TOPIC SECONDS HISTORY_FILE [RATE]
//
// Each line is written with one write call as soon as it is known, so a
// driver killed mid-run leaves a readable prefix. On stdout it prints a
// "chaos-start" event (the wall-clock time of the history's time 0) and a
// "chaos-done" event with counts.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
)

const (
	chaosDefaultRate = 200
	// How long the producer may take, after the run, to complete its sends.
	chaosFlushLimit = 30 * time.Second
	// How long the drain may take to list end offsets and read to them.
	chaosDrainLimit = 60 * time.Second
	chaosPollWait   = 500 * time.Millisecond
)

// After a NOT_LEADER error the client refreshes metadata no sooner than
// this after its last refresh (franz-go's default is 5 s, which would
// stall the workload well past a broker's recovery; the Java client waits
// retry.backoff.ms, 100 ms).
var chaosMetadataAge = kgo.MetadataMinAge(250 * time.Millisecond)

type history struct {
	mu    sync.Mutex
	f     *os.File
	start time.Time
}

// write appends one operation, stamped with its time, as one line.
func (h *history) write(op map[string]any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	op["time"] = math.Round(float64(time.Since(h.start).Microseconds())) / 1000
	b, err := json.Marshal(op)
	if err != nil {
		panic(err)
	}
	if _, err := h.f.Write(append(b, '\n')); err != nil {
		fail(fmt.Errorf("writing the history: %w", err))
	}
}

type chaosRecord struct {
	Topic     string `json:"topic"`
	Partition int32  `json:"partition"`
	Offset    int64  `json:"offset"`
	Value     string `json:"value"`
}

func recordsOf(rs []*kgo.Record) []chaosRecord {
	out := make([]chaosRecord, 0, len(rs))
	for _, r := range rs {
		out = append(out, chaosRecord{Topic: r.Topic, Partition: r.Partition, Offset: r.Offset, Value: string(r.Value)})
	}
	return out
}

// definitelyNotWritten: errors the broker gives only when it refused the
// batch as such (a retry of a written batch would be answered as a
// duplicate instead). Everything else — timeouts, lost connections, a
// closed client, retriable errors the client gave up on — is indeterminate.
func definitelyNotWritten(err error) bool {
	for _, e := range []error{
		kerr.MessageTooLarge, kerr.RecordListTooLarge, kerr.InvalidRecord, kerr.CorruptMessage,
		kerr.InvalidTopicException, kerr.TopicAuthorizationFailed, kerr.ClusterAuthorizationFailed,
	} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// chaosLog logs the client to stderr at the level named by
// FRANZGO_CHAOS_LOG (error, warn, info, debug); warn when unset. Its
// lines carry the process.
func chaosLog(prefix string) kgo.Opt {
	level := kgo.LogLevelWarn
	switch os.Getenv("FRANZGO_CHAOS_LOG") {
	case "error":
		level = kgo.LogLevelError
	case "info":
		level = kgo.LogLevelInfo
	case "debug":
		level = kgo.LogLevelDebug
	}
	return kgo.WithLogger(kgo.BasicLogger(os.Stderr, level, func() string {
		return time.Now().UTC().Format("15:04:05.000 ") + prefix + " "
	}))
}

func chaosPartitions(bootstrap, topic string) []int32 {
	cl := newClient(bootstrap)
	defer cl.Close()
	adm := kadm.NewClient(cl)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	for {
		md, err := adm.Metadata(ctx, topic)
		if err == nil {
			if d, ok := md.Topics[topic]; ok && d.Err == nil && len(d.Partitions) > 0 {
				ps := make([]int32, 0, len(d.Partitions))
				for p := range d.Partitions {
					ps = append(ps, p)
				}
				return ps
			}
		}
		if ctx.Err() != nil {
			fail(fmt.Errorf("no metadata for topic %s: %v", topic, err))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func chaos(bootstrap, topic string, seconds float64, historyFile string, rate int) {
	partitions := chaosPartitions(bootstrap, topic)
	f, err := os.OpenFile(historyFile, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		fail(err)
	}
	defer f.Close()
	h := &history{f: f, start: time.Now()}
	emit(map[string]any{"event": "chaos-start", "epochMs": h.start.UnixMilli(), "partitions": len(partitions)})
	run := time.Duration(seconds * float64(time.Second))

	var sends, oks, fails, infos, polls, pollRecords atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		chaosProduce(bootstrap, topic, partitions, run, rate, h, &sends, &oks, &fails, &infos)
	}()
	go func() {
		defer wg.Done()
		chaosConsume(bootstrap, topic, partitions, run, h, &polls, &pollRecords)
	}()
	wg.Wait()
	drained, drainErr := chaosDrain(bootstrap, topic, h)
	done := map[string]any{
		"event": "chaos-done", "sends": sends.Load(), "ok": oks.Load(), "fail": fails.Load(), "info": infos.Load(),
		"polls": polls.Load(), "pollRecords": pollRecords.Load(), "drained": drained,
	}
	if drainErr != nil {
		done["drainError"] = drainErr.Error()
	}
	emit(done)
}

func chaosProduce(bootstrap, topic string, partitions []int32, run time.Duration, rate int, h *history,
	sends, oks, fails, infos *atomic.Int64) {
	const process, session = "producer", "producer-1"
	cl := newClient(bootstrap, chaosLog(process), chaosMetadataAge,
		kgo.DefaultProduceTopic(topic),
		kgo.RequiredAcks(kgo.AllISRAcks()), // idempotence stays on (the default)
		kgo.RecordPartitioner(kgo.ManualPartitioner()),
		kgo.RecordRetries(math.MaxInt32),
		kgo.RequestRetries(math.MaxInt32),
		kgo.UnknownTopicRetries(-1),
		// Long enough that a send completes or ends indeterminate at the flush limit.
		kgo.RecordDeliveryTimeout(2*time.Minute),
		kgo.ProducerLinger(0),
	)
	var pending sync.WaitGroup
	start := time.Now()
	for i := 0; ; i++ {
		next := start.Add(time.Duration(float64(i) / float64(rate) * float64(time.Second)))
		if next.Sub(start) >= run {
			break
		}
		time.Sleep(time.Until(next))
		p := partitions[i%len(partitions)]
		value := "v" + strconv.Itoa(i)
		h.write(map[string]any{"process": process, "session": session, "type": "invoke", "f": "send",
			"topic": topic, "value": value, "partition": p})
		sends.Add(1)
		pending.Add(1)
		cl.Produce(context.Background(), &kgo.Record{Partition: p, Value: []byte(value)}, func(r *kgo.Record, err error) {
			defer pending.Done()
			op := map[string]any{"process": process, "session": session, "f": "send", "topic": topic, "value": value}
			switch {
			case err == nil:
				op["type"], op["partition"], op["offset"] = "ok", r.Partition, r.Offset
				oks.Add(1)
			case definitelyNotWritten(err):
				op["type"], op["partition"], op["error"] = "fail", p, err.Error()
				fails.Add(1)
			default:
				op["type"], op["partition"], op["error"] = "info", p, err.Error()
				infos.Add(1)
			}
			h.write(op)
		})
	}
	ctx, cancel := context.WithTimeout(context.Background(), chaosFlushLimit)
	defer cancel()
	_ = cl.Flush(ctx)
	// Close fails what is still buffered (indeterminate: info); a send whose
	// outcome never arrives stays without completion, which also counts as info.
	closed := make(chan struct{})
	go func() {
		cl.Close()
		pending.Wait()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
	}
}

func chaosConsume(bootstrap, topic string, partitions []int32, run time.Duration, h *history,
	polls, pollRecords *atomic.Int64) {
	const process, session = "consumer", "consumer-1"
	offsets := map[int32]kgo.Offset{}
	assigned := []map[string]any{}
	for _, p := range partitions {
		offsets[p] = kgo.NewOffset().AtStart()
		assigned = append(assigned, map[string]any{"topic": topic, "partition": p})
	}
	cl := chaosConsumer(bootstrap, process, topic, offsets)
	defer cl.Close()
	h.write(map[string]any{"process": process, "session": session, "type": "ok", "f": "assign", "partitions": assigned})
	deadline := time.Now().Add(run)
	for time.Now().Before(deadline) {
		h.write(map[string]any{"process": process, "session": session, "type": "invoke", "f": "poll"})
		ctx, cancel := context.WithTimeout(context.Background(), chaosPollWait)
		fetches := cl.PollFetches(ctx)
		cancel()
		records := fetches.Records()
		op := map[string]any{"process": process, "session": session, "type": "ok", "f": "poll", "records": recordsOf(records)}
		errs := []string{}
		fetches.EachError(func(t string, p int32, err error) {
			if !errors.Is(err, context.DeadlineExceeded) {
				errs = append(errs, fmt.Sprintf("%s[%d]: %v", t, p, err))
			}
		})
		if len(errs) > 0 {
			op["errors"] = errs
		}
		h.write(op)
		polls.Add(1)
		pollRecords.Add(int64(len(records)))
	}
}

// chaosDrain lists every partition's end offset (the last stable offset, as
// the reads are read_committed), then reads every partition from its start
// until it reaches that offset, with a fresh client.
func chaosDrain(bootstrap, topic string, h *history) (int, error) {
	const process, session = "drain", "drain-1"
	h.write(map[string]any{"process": process, "session": session, "type": "invoke", "f": "drain"})
	failDrain := func(err error) (int, error) {
		h.write(map[string]any{"process": process, "session": session, "type": "info", "f": "drain", "error": err.Error()})
		return 0, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), chaosDrainLimit)
	defer cancel()
	admCl := newClient(bootstrap, kgo.RequestRetries(math.MaxInt32))
	defer admCl.Close()
	adm := kadm.NewClient(admCl)
	var listed kadm.ListedOffsets
	for {
		l, err := adm.ListCommittedOffsets(ctx, topic)
		if err == nil && l.Error() == nil {
			listed = l
			break
		}
		if ctx.Err() != nil {
			return failDrain(fmt.Errorf("listing end offsets: %v %v", err, l.Error()))
		}
		time.Sleep(100 * time.Millisecond)
	}
	ends := []map[string]any{}
	offsets := map[int32]kgo.Offset{}
	want := map[int32]int64{}
	listed.Each(func(o kadm.ListedOffset) {
		ends = append(ends, map[string]any{"topic": topic, "partition": o.Partition, "offset": o.Offset})
		offsets[o.Partition] = kgo.NewOffset().At(0)
		if o.Offset > 0 {
			want[o.Partition] = o.Offset
		}
	})
	cl := chaosConsumer(bootstrap, process, topic, offsets)
	defer cl.Close()
	var read []*kgo.Record
	for len(want) > 0 {
		fetches := cl.PollFetches(ctx)
		if ctx.Err() != nil {
			return failDrain(fmt.Errorf("drain did not reach the end offsets in time; %d partitions left", len(want)))
		}
		fetches.EachRecord(func(r *kgo.Record) {
			read = append(read, r)
			if end, ok := want[r.Partition]; ok && r.Offset+1 >= end {
				delete(want, r.Partition)
			}
		})
	}
	h.write(map[string]any{"process": process, "session": session, "type": "ok", "f": "drain",
		"records": recordsOf(read), "ends": ends})
	return len(read), nil
}

// chaosConsumer reads the given partitions of topic from the given offsets, read_committed,
// retrying without limit: the consumer of the workload and of its final drain.
func chaosConsumer(bootstrap, process, topic string, offsets map[int32]kgo.Offset) *kgo.Client {
	return newClient(bootstrap, chaosLog(process), chaosMetadataAge,
		kgo.ConsumePartitions(map[string]map[int32]kgo.Offset{topic: offsets}),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.FetchIsolationLevel(kgo.ReadCommitted()),
		kgo.RequestRetries(math.MaxInt32),
	)
}
