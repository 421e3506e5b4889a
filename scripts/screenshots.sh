#!/usr/bin/env bash
# Runs `runscope` on example chain files in tmux, captures the screen with colours and
# renders PNGs into screenshots/: run tree mid-stream, a failed run, two parallel
# streams, CJK output, an agent mid-run (its Messages tab), the timeline (t).
#
# Needs tmux, python3 with Pillow (pip install pillow) and fonts
# (apt-get install fonts-dejavu-core fonts-wqy-zenhei). Usage: scripts/screenshots.sh [RUNSCOPE_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

if [ $# -gt 0 ]; then
  binary="$1"
else
  swift build --product runscope >/dev/null
  binary="$(swift build --show-bin-path)/runscope"
fi
socket="runscope-shots-$$-0"
shots=0
out=screenshots
mkdir -p "$out"
cols=120
rows=40

tm() { tmux -L "$socket" "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; }
trap cleanup EXIT

# wait_for TEXT [SECONDS]: polls the screen until TEXT shows.
wait_for() {
  local deadline=$((SECONDS + ${2:-20}))
  until tm capture-pane -p -t shot | grep -qF -- "$1"; do
    if [ $SECONDS -ge $deadline ]; then echo "timed out waiting for: $1" >&2; tm capture-pane -p -t shot >&2; exit 1; fi
    sleep 0.05
  done
}

# start FLAGS...: starts the demo in a fresh tmux server; the caller drives it, then calls take NAME.
start() {
  cleanup
  shots=$((shots + 1))
  socket="runscope-shots-$$-$shots"
  tm -f /dev/null -u new-session -d -s shot -x $cols -y $rows "$binary" "$@" \; set-option -g status off >/dev/null
}

take() {
  tm capture-pane -e -p -t shot > "$out/$1.ansi"
  python3 scripts/ansi_to_png.py "$out/$1.ansi" "$out/$1.png" --columns $cols --rows $rows
  rm "$out/$1.ansi"
  echo "wrote $out/$1.png"
}

start examples/retrieval.json
wait_for "TTFT"
sleep 1.2
take run-tree-streaming

start Tests/python/chains/failing.json
wait_for "✗ failed"
tm send-keys -t shot 4
sleep 0.3
take failed-run

start examples/parallel.json
wait_for "TTFT"
tm send-keys -t shot g
sleep 0.9
take parallel-streams

start examples/cjk.json
wait_for "✓ finished"
take cjk-output

start examples/agent.json
wait_for "model · step 5"
tm send-keys -t shot 6
sleep 0.8
take agent-run

start examples/parallel.json
wait_for "✓ finished"
tm send-keys -t shot t
wait_for "critical path"
take timeline
