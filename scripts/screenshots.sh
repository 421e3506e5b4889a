#!/usr/bin/env bash
# Runs inspector-demo in tmux, captures the screen with colours and renders PNGs
# into screenshots/: run tree mid-stream, a failed run, two parallel streams, CJK output.
#
# Needs tmux, python3 with Pillow (pip install pillow) and fonts
# (apt-get install fonts-dejavu-core fonts-wqy-zenhei). Usage: scripts/screenshots.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

if [ $# -gt 0 ]; then
  binary="$1"
else
  swift build --product inspector-demo >/dev/null
  binary="$(swift build --show-bin-path)/inspector-demo"
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

start --delay 0.12 --repeat 2
wait_for "TTFT"
sleep 2.5
take run-tree-streaming

start --delay 0.01 --fail
wait_for "✗ failed"
take failed-run

start --delay 0.12 --repeat 3
wait_for "TTFT"
tm send-keys -t shot g j
wait_for "RunnableParallel<joke,poem> ─"
sleep 3
take parallel-streams

start --delay 0.01 --cjk --title 多言語チェーン.json
wait_for "✓ finished"
tm send-keys -t shot /
tm send-keys -t shot -l PoemModel
tm send-keys -t shot Enter
wait_for "終端"
take cjk-output
