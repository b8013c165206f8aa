#!/usr/bin/env bash
# Measures the newcomer's path: a fresh clone of this repo, then `npm install && npm start`,
# until http://127.0.0.1:PORT/ answers 200 with Demo Kommune on it. Prints the seconds.
# Usage: bench/fresh-clone-start.sh [PORT]   (uses the npm cache as it is on this machine)
set -euo pipefail
port=${1:-3999}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/protokol-fresh.XXXXXX)
git clone -q "$repo" "$work/protokol"
cd "$work/protokol"
start=$(date +%s.%N)
# Its own process group, so the server can be stopped without touching any other one.
setsid bash -c "npm install --no-audit --no-fund >'$work/install.log' 2>&1 && PORT=$port npm start >'$work/start.log' 2>&1" &
runner=$!
until curl -fs "http://127.0.0.1:$port/" 2>/dev/null | grep -q 'Demo Kommune'; do
  if ! kill -0 "$runner" 2>/dev/null; then echo "npm install/start failed:"; tail -20 "$work"/*.log; exit 1; fi
  sleep 0.5
done
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc)
kill -INT -- "-$runner" 2>/dev/null || true
wait "$runner" 2>/dev/null || true
echo "fresh clone: npm install && npm start served Demo Kommune after ${secs} s"
rm -rf "$work"
