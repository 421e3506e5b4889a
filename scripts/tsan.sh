#!/usr/bin/env bash
# ThreadSanitizer run of the test suites (docs/hardening.md): builds with
# --sanitize=thread in its own scratch path (.build-tsan) and -DRUNSCOPE_TSAN, which
# switches the project's lock (RunscopeCore's Locked) to a pthread mutex TSan can see,
# then runs every suite but the tmux end-to-end ones. Any TSan report fails the run.
#   scripts/tsan.sh [extra swift test arguments, e.g. --filter ReplayTests]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$PWD/.build-tsan
flags=(--sanitize=thread --scratch-path "$scratch" -Xswiftc -DRUNSCOPE_TSAN)
nice -n 10 swift build --build-tests "${flags[@]}"

log=$scratch/tsan-test.log
export SWIFT_BACKTRACE=enable=no
export RUNSCOPE_BIN=$scratch/debug/runscope
# TSan's slowdown on a loaded 2-core machine once held a loopback connect past the
# default 10 s (docs/providers.md): give connections as long as the tests' idle timeouts.
export RUNSCOPE_CONNECT_TIMEOUT=60
export TSAN_OPTIONS="second_deadlock_stack=1 history_size=4 ${TSAN_OPTIONS:-}"
status=0
# Skipped: the tmux end-to-end suite, and two provider tests whose 0.3-0.4 s timeouts
# TSan's slowdown exceeds before the first chunk (they then see another timeout than the
# one they check); and the two that run runscope under a file size limit (`ulimit -f`),
# which TSan's runtime itself cannot start under. They run in the plain `swift test`.
nice -n 10 swift test --skip-build "${flags[@]}" --skip InspectorE2ETests \
  --skip slowFirstByteBeyondTheTimeoutIsRetriedThenTimesOut --skip stalledServerTimesOut \
  --skip aHistoryThatCannotGrowWarnsOnceAndTheRunCompletes --skip standardOutputThatCannotBeWrittenIsSaidOnceAndExits1 \
  "$@" 2>&1 | tee "$log" || status=$?
reports=$(grep -c '^WARNING: ThreadSanitizer' "$log" || true)
if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
  echo "tsan.sh: failed (exit $status, $reports ThreadSanitizer reports; log in $log)" >&2
  exit 1
fi
echo "tsan.sh: no ThreadSanitizer reports"
