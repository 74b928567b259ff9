#!/usr/bin/env bash
# Drive kcat (librdkafka) for the client-compatibility suite. Prints one JSON
# object per line (built with jq).
#
#   compat.sh BOOTSTRAP SCENARIO [ARGS...]
#
# Scenarios: version, produce TOPIC CODEC COUNT PREFIX, consume TOPIC GROUP COUNT,
# member TOPIC GROUP. kcat has no admin API, so there is no create-topic; and
# its producer does not report offsets.
set -euo pipefail
BOOTSTRAP="$1"
SCENARIO="$2"
shift 2
STEP_TIMEOUT=60
MEMBER_MAX_LIFE=180
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
FILLER="the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog "

fail() {
  jq -nc --arg m "$*" '{event: "error", message: $m}'
  exit 1
}

case "$SCENARIO" in
  version)
    line="$(kcat -V | grep -m1 '^Version ')" || fail "kcat -V printed no version"
    version="$(sed -E 's/^Version ([^ ]+).*/\1/' <<<"$line")"
    librdkafka="$(sed -E 's/.*librdkafka ([^ ]+).*/\1/' <<<"$line")"
    jq -nc --arg v "$version" --arg l "$librdkafka" \
      '{event: "version", client: "kcat", version: $v, librdkafka: $l}'
    ;;

  produce)
    [ $# -eq 4 ] || fail "usage: produce TOPIC CODEC COUNT PREFIX"
    topic="$1" codec="$2" count="$3" prefix="$4"
    # Keys and values are separated by a tab; librdkafka's murmur2 partitioner
    # matches the Java client's choice of partition for a key.
    for ((i = 0; i < count; i++)); do
      printf '%s-k%d\t%s|%s|%d|%s\n' "$prefix" $((i % 8)) "$prefix" "$codec" "$i" "$FILLER"
    done | timeout "$STEP_TIMEOUT" kcat -P -b "$BOOTSTRAP" -t "$topic" -K $'\t' -z "$codec" \
      -H "codec=$codec" -H "prefix=$prefix" \
      -X client.id=compat-kcat-producer -X enable.idempotence=true -X partitioner=murmur2_random \
      -X message.timeout.ms=$((STEP_TIMEOUT * 1000 - 5000)) 2>"$SCRATCH/err" \
      || fail "kcat -P failed: $(tail -5 "$SCRATCH/err")"
    jq -nc --argjson n "$count" --arg c "$codec" '{event: "produce-done", count: $n, codec: $c}'
    ;;

  consume)
    [ $# -eq 3 ] || fail "usage: consume TOPIC GROUP COUNT"
    topic="$1" group="$2" count="$3"
    # -c stops after COUNT records; offsets of exactly those records are stored
    # and committed when the consumer closes.
    err="$SCRATCH/err"
    timeout "$STEP_TIMEOUT" kcat -C -b "$BOOTSTRAP" -G "$group" "$topic" -c "$count" -J -q \
      -X client.id=compat-kcat-consumer -X auto.offset.reset=earliest 2>"$err" |
      jq -c '{event: "record", partition, offset, key, value: .payload,
              headers: ((.headers // []) as $h | [range(0; $h | length; 2) | {key: $h[.], value: $h[. + 1]}] | from_entries)}' \
      || fail "kcat -C failed or timed out: $(tail -5 "$err")"
    jq -nc --argjson n "$count" '{event: "committed", count: $n}'
    jq -nc '{event: "closed"}'
    ;;

  member)
    [ $# -eq 2 ] || fail "usage: member TOPIC GROUP"
    topic="$1" group="$2"
    declare -A owned=()
    report() {
      local ps
      ps="$(printf '%s\n' "${!owned[@]}" | grep -v '^$' | sort -n | jq -sc '.')" || true
      jq -nc --argjson p "${ps:-[]}" '{event: "assigned", partitions: $p}'
    }
    # kcat reports rebalances on stderr ("% Group G rebalanced (...): assigned: t [0], t [1]").
    exec 3< <(timeout "$MEMBER_MAX_LIFE" kcat -C -b "$BOOTSTRAP" -G "$group" "$topic" -o end \
      -X client.id=compat-kcat-member -X auto.offset.reset=earliest 2>&1 >/dev/null & echo "pid $!"; wait)
    read -r _ kcat_pid <&3
    # Leave the group when stdin closes: SIGINT makes kcat close its consumer.
    # (A background job reads /dev/null unless given stdin explicitly.)
    exec 4<&0
    (cat <&4 >/dev/null; kill -INT "$kcat_pid" 2>/dev/null || true) &
    while IFS= read -r line <&3; do
      case "$line" in
        *"rebalanced"*": assigned: "*)
          for p in $(grep -oE '\[[0-9]+\]' <<<"${line##*assigned: }" | tr -d '[]'); do owned[$p]=1; done
          report
          ;;
        *"rebalanced"*": revoked: "*)
          for p in $(grep -oE '\[[0-9]+\]' <<<"${line##*revoked: }" | tr -d '[]'); do unset "owned[$p]"; done
          report
          ;;
        *"ERROR"* | *"FATAL"*) echo "$line" >&2 ;;
      esac
    done
    jq -nc '{event: "closed"}'
    ;;

  *)
    fail "unknown scenario: $SCENARIO"
    ;;
esac
