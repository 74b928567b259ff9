// Command franzgo drives franz-go (kgo, kadm, kversion) for the client
// compatibility suite. It prints one JSON object per line on stdout.
//
//	franzgo BOOTSTRAP version
//	franzgo BOOTSTRAP create-topic TOPIC PARTITIONS REPLICATION_FACTOR
//	franzgo BOOTSTRAP produce TOPIC CODEC COUNT PREFIX
//	franzgo BOOTSTRAP consume TOPIC GROUP COUNT
//	franzgo BOOTSTRAP member TOPIC GROUP
//	franzgo BOOTSTRAP list-offsets TOPIC
//	franzgo BOOTSTRAP chaos TOPIC SECONDS HISTORY_FILE [RATE]   (chaos.go)
//
// With FRANZGO_SASL_USERNAME and FRANZGO_SASL_PASSWORD set, every client
// authenticates with SASL/PLAIN (sasl.go).
//
// See e2e/compat/README.md for the message layout shared by all drivers.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/twmb/franz-go/pkg/kadm"
	"github.com/twmb/franz-go/pkg/kerr"
	"github.com/twmb/franz-go/pkg/kgo"
	"github.com/twmb/franz-go/pkg/kversion"
)

const (
	stepTimeout   = 60 * time.Second
	memberMaxLife = 180 * time.Second
	filler        = "the quick brown fox jumps over the lazy dog "
)

var outMu sync.Mutex

func emit(fields map[string]any) {
	b, err := json.Marshal(fields)
	if err != nil {
		panic(err)
	}
	outMu.Lock()
	defer outMu.Unlock()
	fmt.Println(string(b))
}

func fail(err error) {
	emit(map[string]any{"event": "error", "message": err.Error()})
	os.Exit(1)
}

func messageKey(prefix string, i int) string { return fmt.Sprintf("%s-k%d", prefix, i%8) }

func messageValue(prefix, codec string, i int) string {
	return fmt.Sprintf("%s|%s|%d|%s", prefix, codec, i, strings.Repeat(filler, 3))
}

func codecOf(name string) (kgo.CompressionCodec, error) {
	switch name {
	case "none":
		return kgo.NoCompression(), nil
	case "gzip":
		return kgo.GzipCompression(), nil
	case "snappy":
		return kgo.SnappyCompression(), nil
	case "lz4":
		return kgo.Lz4Compression(), nil
	case "zstd":
		return kgo.ZstdCompression(), nil
	}
	return kgo.NoCompression(), fmt.Errorf("unknown codec %q", name)
}

func newClient(bootstrap string, opts ...kgo.Opt) *kgo.Client {
	all := append([]kgo.Opt{kgo.SeedBrokers(bootstrap), kgo.ClientID("compat-franz-go")}, saslFromEnv()...)
	all = append(all, opts...)
	cl, err := kgo.NewClient(all...)
	if err != nil {
		fail(err)
	}
	return cl
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		fail(fmt.Errorf("not a number: %q", s))
	}
	return n
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: franzgo BOOTSTRAP SCENARIO [ARGS...]")
		os.Exit(2)
	}
	bootstrap, scenario, args := os.Args[1], os.Args[2], os.Args[3:]
	need := map[string]int{"version": 0, "version-skipping": 1, "create-topic": 3, "produce": 4, "consume": 3, "member": 2, "list-offsets": 1}
	n, ok := need[scenario]
	if scenario == "chaos" && (len(args) == 3 || len(args) == 4) {
		ok, n = true, len(args)
	}
	if !ok || len(args) != n {
		fail(fmt.Errorf("unknown scenario or wrong arguments: %s %v", scenario, args))
	}
	switch scenario {
	case "version":
		version(bootstrap)
	case "version-skipping":
		versionSkipping(bootstrap, args[0])
	case "create-topic":
		createTopic(bootstrap, args[0], atoi(args[1]), atoi(args[2]))
	case "produce":
		produce(bootstrap, args[0], args[1], atoi(args[2]), args[3])
	case "consume":
		consume(bootstrap, args[0], args[1], atoi(args[2]))
	case "member":
		member(bootstrap, args[0], args[1])
	case "list-offsets":
		listOffsets(bootstrap, args[0])
	case "chaos":
		rate := chaosDefaultRate
		if len(args) == 4 {
			rate = atoi(args[3])
		}
		seconds, err := strconv.ParseFloat(args[1], 64)
		if err != nil || seconds <= 0 || rate <= 0 {
			fail(fmt.Errorf("chaos: bad SECONDS %q or RATE %d", args[1], rate))
		}
		chaos(bootstrap, args[0], seconds, args[2], rate)
	}
}

func version(bootstrap string) {
	eachApiVersions(bootstrap, func(v kadm.BrokerApiVersions) map[string]any {
		return map[string]any{
			"guess":    v.VersionGuess(),
			"kversion": kversion.FromApiVersionsResponse(v.Raw()).VersionGuess(),
			"client":   "franz-go",
			"version":  clientVersion(),
		}
	})
}

// versionSkipping guesses the broker's release with the given API keys
// (comma-separated, or "none") left out: the guess names a release only if
// every other key the broker advertises has exactly that release's versions.
// SkipKeys replaces kversion's own list of keys it never compares (inter-broker
// and optional ones), so that list comes first.
func versionSkipping(bootstrap, keys string) {
	skip := []int16{4, 5, 6, 7, 27, 56, 57, 58, 67, 71, 72}
	given := len(skip)
	if keys != "none" {
		for _, k := range strings.Split(keys, ",") {
			skip = append(skip, int16(atoi(k)))
		}
	}
	eachApiVersions(bootstrap, func(v kadm.BrokerApiVersions) map[string]any {
		return map[string]any{
			"guess": kversion.FromApiVersionsResponse(v.Raw()).VersionGuess(kversion.SkipKeys(skip...)),
			"skip":  skip[given:],
		}
	})
}

// eachApiVersions asks every broker for its ApiVersions and emits one
// "version" event per broker with the fields describe gives.
func eachApiVersions(bootstrap string, describe func(kadm.BrokerApiVersions) map[string]any) {
	cl := newClient(bootstrap)
	defer cl.Close()
	adm := kadm.NewClient(cl)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	versions, err := adm.ApiVersions(ctx)
	if err != nil {
		fail(err)
	}
	versions.Each(func(v kadm.BrokerApiVersions) {
		if v.Err != nil {
			fail(v.Err)
		}
		event := describe(v)
		event["event"] = "version"
		event["broker"] = v.NodeID
		emit(event)
	})
}

func createTopic(bootstrap, topic string, partitions, replicationFactor int) {
	cl := newClient(bootstrap)
	defer cl.Close()
	adm := kadm.NewClient(cl)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	resp, err := adm.CreateTopic(ctx, int32(partitions), int16(replicationFactor), nil, topic)
	if err != nil && !errors.Is(err, kerr.TopicAlreadyExists) {
		fail(err)
	}
	if resp.Err != nil && !errors.Is(resp.Err, kerr.TopicAlreadyExists) {
		fail(resp.Err)
	}
	// Wait until every partition has a leader, as later steps produce right away.
	for {
		md, err := adm.Metadata(ctx, topic)
		if err == nil {
			if d, ok := md.Topics[topic]; ok && d.Err == nil && len(d.Partitions) == partitions {
				ready := true
				for _, p := range d.Partitions {
					if p.Leader < 0 || p.Err != nil {
						ready = false
					}
				}
				if ready {
					break
				}
			}
		}
		if ctx.Err() != nil {
			fail(fmt.Errorf("topic %s has no leaders in time", topic))
		}
		time.Sleep(100 * time.Millisecond)
	}
	emit(map[string]any{"event": "topic-created", "topic": topic, "partitions": partitions})
}

func produce(bootstrap, topic, codecName string, count int, prefix string) {
	codec, err := codecOf(codecName)
	if err != nil {
		fail(err)
	}
	// Defaults otherwise: idempotent, acks=all, Kafka-compatible murmur2 key partitioning.
	cl := newClient(bootstrap, kgo.ProducerBatchCompression(codec), kgo.DefaultProduceTopic(topic))
	defer cl.Close()
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	var wg sync.WaitGroup
	var firstErr error
	var errMu sync.Mutex
	for i := 0; i < count; i++ {
		r := &kgo.Record{
			Key:   []byte(messageKey(prefix, i)),
			Value: []byte(messageValue(prefix, codecName, i)),
			Headers: []kgo.RecordHeader{
				{Key: "codec", Value: []byte(codecName)},
				{Key: "prefix", Value: []byte(prefix)},
			},
		}
		wg.Add(1)
		cl.Produce(ctx, r, func(r *kgo.Record, err error) {
			defer wg.Done()
			if err != nil {
				errMu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				errMu.Unlock()
				return
			}
			emit(map[string]any{"event": "produced", "key": string(r.Key), "partition": r.Partition, "offset": r.Offset})
		})
	}
	wg.Wait()
	if firstErr != nil {
		fail(firstErr)
	}
	emit(map[string]any{"event": "produce-done", "count": count, "codec": codecName})
}

func headersOf(r *kgo.Record) map[string]string {
	h := map[string]string{}
	for _, x := range r.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}

func consume(bootstrap, topic, group string, count int) {
	cl := newClient(bootstrap,
		kgo.ConsumerGroup(group),
		kgo.ConsumeTopics(topic),
		kgo.DisableAutoCommit(),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
	)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	var consumed []*kgo.Record
	for len(consumed) < count {
		fetches := cl.PollRecords(ctx, count-len(consumed))
		if ctx.Err() != nil {
			cl.Close()
			fail(fmt.Errorf("consumed %d of %d records in time", len(consumed), count))
		}
		fetches.EachError(func(t string, p int32, err error) {
			cl.Close()
			fail(fmt.Errorf("fetch %s[%d]: %w", t, p, err))
		})
		fetches.EachRecord(func(r *kgo.Record) {
			if len(consumed) >= count {
				return
			}
			consumed = append(consumed, r)
			emit(map[string]any{
				"event": "record", "partition": r.Partition, "offset": r.Offset,
				"key": string(r.Key), "value": string(r.Value), "headers": headersOf(r),
			})
		})
	}
	if err := cl.CommitRecords(ctx, consumed...); err != nil {
		cl.Close()
		fail(err)
	}
	emit(map[string]any{"event": "committed", "count": len(consumed)})
	cl.Close() // leaves the group
	emit(map[string]any{"event": "closed"})
}

func member(bootstrap, topic, group string) {
	var mu sync.Mutex
	owned := map[int32]bool{}
	report := func() {
		ps := []int{}
		for p := range owned {
			ps = append(ps, int(p))
		}
		sort.Ints(ps)
		emit(map[string]any{"event": "assigned", "partitions": ps})
	}
	cl := newClient(bootstrap,
		kgo.ConsumerGroup(group),
		kgo.ConsumeTopics(topic),
		kgo.ConsumeResetOffset(kgo.NewOffset().AtStart()),
		kgo.OnPartitionsAssigned(func(_ context.Context, _ *kgo.Client, m map[string][]int32) {
			mu.Lock()
			defer mu.Unlock()
			for _, p := range m[topic] {
				owned[p] = true
			}
			report()
		}),
		kgo.OnPartitionsRevoked(func(_ context.Context, _ *kgo.Client, m map[string][]int32) {
			mu.Lock()
			defer mu.Unlock()
			for _, p := range m[topic] {
				delete(owned, p)
			}
			report()
		}),
		kgo.OnPartitionsLost(func(_ context.Context, _ *kgo.Client, m map[string][]int32) {
			mu.Lock()
			defer mu.Unlock()
			for _, p := range m[topic] {
				delete(owned, p)
			}
			report()
		}),
	)
	ctx, cancel := context.WithTimeout(context.Background(), memberMaxLife)
	defer cancel()
	go func() {
		// Stop when stdin closes (the suite's signal to leave the group).
		s := bufio.NewScanner(os.Stdin)
		for s.Scan() {
		}
		cancel()
	}()
	for ctx.Err() == nil {
		cl.PollFetches(ctx)
	}
	cl.Close() // commits and leaves the group
	emit(map[string]any{"event": "closed"})
}

func listOffsets(bootstrap, topic string) {
	cl := newClient(bootstrap)
	defer cl.Close()
	adm := kadm.NewClient(cl)
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	starts, err := adm.ListStartOffsets(ctx, topic)
	if err != nil {
		fail(err)
	}
	ends, err := adm.ListEndOffsets(ctx, topic)
	if err != nil {
		fail(err)
	}
	out := map[string]any{}
	ends.Each(func(o kadm.ListedOffset) {
		if o.Err != nil {
			fail(o.Err)
		}
		s, _ := starts.Lookup(topic, o.Partition)
		out[strconv.Itoa(int(o.Partition))] = map[string]int64{"start": s.Offset, "end": o.Offset}
	})
	emit(map[string]any{"event": "offsets", "topic": topic, "partitions": out})
}
