#!/usr/bin/env bash
# libFuzzer runs of runscope's parsers of outside input (docs/hardening.md).
#   scripts/fuzz.sh --list                       the targets
#   scripts/fuzz.sh NAME [--seconds N] [--runs N] [--release] [--no-build]
# Builds Fuzz/ with -Xswiftc -sanitize=fuzzer,address (scratch path .build-fuzz), then fuzzes NAME
# from its committed seed corpus Fuzz/Corpus/NAME (new inputs go to a scratch corpus, not
# into the repo). A crash, leak, broken invariant or timeout exits non-zero and leaves the
# input in Fuzz/Findings/NAME/.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(json chain-file sse ndjson event-log fstring mustache arithmetic partial-json otlp-protobuf otlp-json otlp-wire gzip)

usage() { echo "usage: scripts/fuzz.sh --list | NAME [--seconds N] [--runs N] [--release] [--no-build]" >&2; exit 2; }
[ $# -ge 1 ] || usage
if [ "$1" = "--list" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
name=$1; shift
printf '%s\n' "${targets[@]}" | grep -qx -- "$name" || { echo "fuzz.sh: no target '$name' (try --list)" >&2; exit 2; }
seconds=60 runs=-1 build=1 config=debug
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;  # the binary is already built (CI builds once)
    --release) config=release; shift ;;  # optimized, for long runs (10^6 executions)
    *) usage ;;
  esac
done

scratch=$PWD/.build-fuzz
[ $build -eq 0 ] || nice -n 10 swift build --package-path Fuzz -c "$config" --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
binary=$scratch/$config/runscope-fuzz

findings=Fuzz/Findings/$name
work=$scratch/corpus/$name
mkdir -p "$findings" "$work"
# A crash must leave the input and exit, not wait on Swift's interactive backtracer.
export SWIFT_BACKTRACE=enable=no RUNSCOPE_FUZZ_TARGET=$name
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:handle_abort=1}
status=0
nice -n 10 "$binary" "$work" "Fuzz/Corpus/$name" \
  -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -artifact_prefix="$findings/" -print_final_stats=1 || status=$?
if [ $status -ne 0 ]; then
  echo "fuzz.sh: $name failed (exit $status); input in $findings/" >&2
  exit 1
fi
rmdir "$findings" 2>/dev/null || true
