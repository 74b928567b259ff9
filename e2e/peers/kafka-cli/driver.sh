#!/usr/bin/env bash
# Drive Kafka's own command-line tools for the client-compatibility suite.
# Prints one JSON object per line (built with jq).
#
#   driver.sh BOOTSTRAP SCENARIO [ARGS...]
#
# Scenarios: version, create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT
# PREFIX (console producer, keys and headers), consume TOPIC GROUP COUNT
# (console consumer in a group), member TOPIC GROUP (a console consumer; its
# assignment is read with kafka-consumer-groups --describe --members --verbose),
# tools TOPIC GROUP PARTITIONS (kafka-topics, kafka-configs,
# kafka-consumer-groups, kafka-broker-api-versions checks).
#
# The tools run from the jars install.sh resolves (see cli.sh).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BOOTSTRAP="$1"
SCENARIO="$2"
shift 2
STEP_TIMEOUT=60
MEMBER_MAX_LIFE=180
FILLER="the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog "
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT

cli() { timeout "$STEP_TIMEOUT" "$HERE/cli.sh" "$@"; }
topics() { cli kafka-topics --bootstrap-server "$BOOTSTRAP" "$@"; }
groups() { cli kafka-consumer-groups --bootstrap-server "$BOOTSTRAP" "$@"; }
configs() { cli kafka-configs --bootstrap-server "$BOOTSTRAP" "$@"; }

fail() {
  jq -nc --arg m "$*" '{event: "error", message: $m}'
  exit 1
}

check() { # NAME OK DETAIL
  jq -nc --arg n "$1" --argjson ok "$2" --arg d "$3" '{event: "check", name: $n, ok: $ok, detail: $d}'
}

# Waits until every partition of TOPIC has a leader (kafka-topics --describe).
await_leaders() {
  local topic="$1" partitions="$2"
  for _ in $(seq 1 60); do
    local out
    out="$(topics --describe --topic "$topic" 2>/dev/null || true)"
    if [ "$(grep -cE $'\tPartition: [0-9]+\tLeader: [0-9]+' <<<"$out")" -eq "$partitions" ]; then return 0; fi
    sleep 0.5
  done
  return 1
}

case "$SCENARIO" in
  version)
    v="$(cli kafka-topics --version 2>/dev/null | head -1 | awk '{print $1}')"
    [ -n "$v" ] || fail "kafka-topics --version printed nothing"
    jq -nc --arg v "$v" '{event: "version", client: "kafka-cli", version: $v}'
    ;;

  create-topic)
    [ $# -eq 3 ] || fail "usage: create-topic TOPIC PARTITIONS REPLICATION_FACTOR"
    topics --create --if-not-exists --topic "$1" --partitions "$2" --replication-factor "$3" \
      >/dev/null 2>"$SCRATCH/err" || fail "kafka-topics --create: $(tail -3 "$SCRATCH/err")"
    await_leaders "$1" "$2" || fail "topic $1 has no leaders in time"
    jq -nc --arg t "$1" --argjson p "$2" '{event: "topic-created", topic: $t, partitions: $p}'
    ;;

  produce)
    [ $# -eq 4 ] || fail "usage: produce TOPIC CODEC COUNT PREFIX"
    topic="$1" codec="$2" count="$3" prefix="$4"
    # Line format: headers<TAB>key<TAB>value, headers as k:v,k:v.
    for ((i = 0; i < count; i++)); do
      printf 'codec:%s,prefix:%s\t%s-k%d\t%s|%s|%d|%s\n' \
        "$codec" "$prefix" "$prefix" $((i % 8)) "$prefix" "$codec" "$i" "$FILLER"
    done | cli kafka-console-producer --bootstrap-server "$BOOTSTRAP" --topic "$topic" \
      --compression-codec "$codec" --request-required-acks -1 \
      --producer-property client.id=compat-cli-producer \
      --property parse.key=true --property "key.separator=$(printf '\t')" \
      --property parse.headers=true --property "headers.delimiter=$(printf '\t')" \
      --property headers.separator=, --property headers.key.separator=: \
      >"$SCRATCH/out" 2>"$SCRATCH/err" || fail "console producer: $(tail -3 "$SCRATCH/err")"
    # The console producer logs failed sends instead of exiting non-zero.
    if grep -qE 'ERROR|Exception' "$SCRATCH/err"; then fail "console producer: $(grep -m3 -E 'ERROR|Exception' "$SCRATCH/err")"; fi
    jq -nc --argjson n "$count" --arg c "$codec" '{event: "produce-done", count: $n, codec: $c}'
    ;;

  consume)
    [ $# -eq 3 ] || fail "usage: consume TOPIC GROUP COUNT"
    topic="$1" group="$2" count="$3"
    # One record per poll, so the offsets committed on close are exactly those printed.
    cli kafka-console-consumer --bootstrap-server "$BOOTSTRAP" --topic "$topic" --group "$group" \
      --from-beginning --max-messages "$count" --timeout-ms $((STEP_TIMEOUT * 1000 - 10000)) \
      --consumer-property client.id=compat-cli-consumer --consumer-property max.poll.records=1 \
      --property print.partition=true --property print.offset=true --property print.headers=true \
      --property print.key=true --property "key.separator=$(printf '\t')" \
      --property headers.separator=, --property headers.key.separator=: \
      >"$SCRATCH/out" 2>"$SCRATCH/err" || true
    got="$(wc -l <"$SCRATCH/out")"
    [ "$got" -eq "$count" ] || fail "console consumer printed $got of $count records: $(tail -3 "$SCRATCH/err")"
    # Partition:P<TAB>Offset:O<TAB>headers<TAB>key<TAB>value
    jq -Rc 'split("\t") as $f | {
        event: "record",
        partition: ($f[0] | ltrimstr("Partition:") | tonumber),
        offset: ($f[1] | ltrimstr("Offset:") | tonumber),
        headers: (if $f[2] == "NO_HEADERS" then {} else ($f[2] | split(",") | map(split(":") | {key: .[0], value: (.[1:] | join(":"))}) | from_entries) end),
        key: $f[3],
        value: ($f[4:] | join("\t"))
      }' <"$SCRATCH/out"
    jq -nc --argjson n "$count" '{event: "committed", count: $n}'
    jq -nc '{event: "closed"}'
    ;;

  member)
    [ $# -eq 2 ] || fail "usage: member TOPIC GROUP"
    topic="$1" group="$2"
    client_id="compat-cli-member-$$"
    timeout "$MEMBER_MAX_LIFE" "$HERE/cli.sh" kafka-console-consumer --bootstrap-server "$BOOTSTRAP" \
      --topic "$topic" --group "$group" --consumer-property "client.id=$client_id" \
      >/dev/null 2>"$SCRATCH/err" &
    consumer=$!
    # Leave the group when stdin closes: SIGTERM runs the consumer's shutdown hook,
    # which closes it. (A background job reads /dev/null unless given stdin explicitly.)
    exec 4<&0
    (cat <&4 >/dev/null; touch "$SCRATCH/stop") &
    last=""
    while [ ! -e "$SCRATCH/stop" ] && kill -0 "$consumer" 2>/dev/null; do
      # The coordinator's view of this member's assignment (the row whose CLIENT-ID is ours).
      line="$(groups --describe --group "$group" --members --verbose 2>/dev/null | awk -v c="$client_id" '$4 == c')" || true
      if [ -n "$line" ]; then
        # Kafka 3.9 prints the single topic's partitions as "(0,1,2)" or "topic(0,1,2)".
        parts="$(grep -oE '\([0-9,]*\)' <<<"$line" | tr -d '()' | tr ',' '\n' | grep -v '^$' | sort -n | jq -sc '.')" || parts="[]"
        if [ "$parts" != "$last" ]; then
          jq -nc --argjson p "${parts:-[]}" '{event: "assigned", partitions: $p}'
          last="$parts"
        fi
      fi
      for _ in 1 2 3 4; do [ -e "$SCRATCH/stop" ] && break; sleep 0.5; done
    done
    kill -TERM "$consumer" 2>/dev/null || true
    wait "$consumer" || true
    jq -nc '{event: "closed"}'
    ;;

  tools)
    [ $# -eq 3 ] || fail "usage: tools TOPIC GROUP PARTITIONS"
    topic="$1" group="$2" partitions="$3"

    out="$(topics --list 2>&1)" || true
    if grep -qxF "$topic" <<<"$out"; then check kafka-topics--list true "$(wc -l <<<"$out") topics"; else check kafka-topics--list false "$out"; fi

    out="$(topics --describe --topic "$topic" 2>&1)" || true
    n="$(grep -cE $'\tPartition: [0-9]+\tLeader: [0-9]+' <<<"$out" || true)"
    if grep -q "PartitionCount: $partitions" <<<"$out" && [ "$n" -eq "$partitions" ]; then
      check kafka-topics--describe true "$partitions partitions with leaders"
    else check kafka-topics--describe false "$out"; fi

    configs --alter --entity-type topics --entity-name "$topic" --add-config retention.ms=86400000 >/dev/null 2>&1 || true
    out="$(configs --describe --entity-type topics --entity-name "$topic" 2>&1)" || true
    if grep -q "retention.ms=86400000" <<<"$out"; then check kafka-configs--alter+describe true "retention.ms=86400000"
    else check kafka-configs--alter+describe false "$out"; fi

    out="$(groups --list 2>&1)" || true
    if grep -qxF "$group" <<<"$out"; then check kafka-consumer-groups--list true "$(wc -l <<<"$out") groups"
    else check kafka-consumer-groups--list false "$out"; fi

    # After the commit-resume scenario the group has consumed everything: no lag.
    out="$(groups --describe --group "$group" 2>/dev/null)" || true
    rows="$(awk -v t="$topic" '$2 == t' <<<"$out")"
    lagging="$(awk '$6 != "0"' <<<"$rows" | grep -c . || true)"
    total="$(awk '{s += $5} END {print s + 0}' <<<"$rows")"
    if [ "$(grep -c . <<<"$rows")" -eq "$partitions" ] && [ "$lagging" -eq 0 ]; then
      check kafka-consumer-groups--describe true "$partitions partitions, lag 0, $total records"
    else check kafka-consumer-groups--describe false "$out"; fi

    groups --reset-offsets --group "$group" --topic "$topic" --to-earliest --execute >/dev/null 2>&1 || true
    out="$(groups --describe --group "$group" 2>/dev/null)" || true
    rows="$(awk -v t="$topic" '$2 == t' <<<"$out")"
    atzero="$(awk '$4 == "0" && $6 == $5' <<<"$rows" | grep -c . || true)"
    if [ "$atzero" -eq "$partitions" ]; then
      check kafka-consumer-groups--reset-offsets true "all $partitions partitions back at offset 0"
    else check kafka-consumer-groups--reset-offsets false "$out"; fi

    out="$(cli kafka-broker-api-versions --bootstrap-server "$BOOTSTRAP" 2>&1)" || true
    apis="$(grep -cE '^\s+[A-Za-z]+\([0-9]+\): ' <<<"$out" || true)"
    unusable="$(grep -cE 'UNSUPPORTED|usable: NONE' <<<"$out" || true)"
    if grep -qE '^\s+ApiVersions\(18\): ' <<<"$out" && grep -qE '^\s+Produce\(0\): ' <<<"$out"; then
      check kafka-broker-api-versions true "$apis APIs, $unusable not usable by this client"
    else check kafka-broker-api-versions false "$out"; fi

    scratch="$topic-scratch"
    topics --create --topic "$scratch" --partitions 2 --replication-factor 1 >/dev/null 2>&1 || true
    topics --delete --topic "$scratch" >/dev/null 2>&1 || true
    gone=false
    for _ in $(seq 1 20); do
      if ! topics --list 2>/dev/null | grep -qxF "$scratch"; then gone=true; break; fi
      sleep 0.5
    done
    check kafka-topics--create+delete "$gone" "$scratch"
    ;;

  *)
    fail "unknown scenario: $SCENARIO"
    ;;
esac
