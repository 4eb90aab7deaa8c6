#!/usr/bin/env bash
# REST load with wrk on loopback: a pinned-version forecast and `latest`, with 1 and 2 uvicorn workers.
#
#   bench/wrk_api.sh                      # 30 s per run, 32 connections, a throwaway MinIO
#   DURATION=5s bench/wrk_api.sh          # a quick look
#
# Uses the MinIO named by MINIO_ENDPOINT (and its keys) when set, else starts .tools/bin/minio on a free
# loopback port with a temporary data folder. Publishes one model into a fresh bucket, then for each
# worker count starts `python -m varlib serve`, warms it up, and runs wrk against
#   POST /models/var/versions/0.0.1/forecast   (pinned)
#   POST /models/var/versions/latest/forecast  (latest: the pointer is re-read on every request)
#   GET  /var_predict/0_0_1?future_periods=8   (the original endpoint, pinned)
# Prints each wrk report and a Markdown table (requests/s, p50, p99, errors, and the service's own CPU time
# per request, which does not depend on what else the machine runs). Needs wrk (Debian: wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
WORKERS=${WORKERS:-"1 2"}
TARGETS=${TARGETS:-"pinned latest var_predict"}
# PRIORITY=-10 (root) runs the service and wrk ahead of other work on a shared machine: a diagnostic that
# separates the service's own latency from waiting for a CPU; the reported figures use the default.
NICE=${PRIORITY:+nice -n $PRIORITY}
PY=.venv/bin/python
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1  # tiny matrices: threads only thrash
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_http() {  # url, seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1
}

cpu_ticks() {  # user+system CPU ticks of a process and its children (uvicorn's worker processes)
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}

if [ -z "${MINIO_ENDPOINT:-}" ]; then
  port=$(free_port)
  secret=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  export MINIO_ENDPOINT=127.0.0.1:$port MINIO_ACCESS_KEY=bench MINIO_SECRET_KEY=$secret
  MINIO_ROOT_USER=$MINIO_ACCESS_KEY MINIO_ROOT_PASSWORD=$MINIO_SECRET_KEY MINIO_BROWSER=off \
    .tools/bin/minio server --quiet --address "$MINIO_ENDPOINT" --console-address "127.0.0.1:$(free_port)" \
    "$work/minio" >"$work/minio.log" 2>&1 &
  pids+=($!)
  wait_http "http://$MINIO_ENDPOINT/minio/health/live" 60
fi
export MINIO_BUCKET=bench-api-$(date +%s)
$PY -m varlib train --name var --publish --notes "wrk bench" >/dev/null  # `var`: the legacy endpoint's model
echo "store: MinIO $MINIO_ENDPOINT bucket $MINIO_BUCKET; model var 0.0.1;" \
  "wrk -t$THREADS -c$CONNECTIONS -d$DURATION${NICE:+; $NICE}"
echo "machine: $(getconf _NPROCESSORS_ONLN) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"

rows=()
for workers in $WORKERS; do
  port=$(free_port)
  $NICE $PY -m varlib serve --port "$port" --workers "$workers" >"$work/serve-$workers.log" 2>&1 &
  serve=$!
  pids+=($serve)
  wait_http "http://127.0.0.1:$port/health" 60
  base="http://127.0.0.1:$port"
  for name in $TARGETS; do
    case $name in
      pinned) url="$base/models/var/versions/0.0.1/forecast"; script=(-s bench/wrk_post.lua) ;;
      latest) url="$base/models/var/versions/latest/forecast"; script=(-s bench/wrk_post.lua) ;;
      var_predict) url="$base/var_predict/0_0_1?future_periods=8"; script=() ;;
    esac
    wrk -t1 -c"$CONNECTIONS" -d3s "${script[@]}" "$url" >/dev/null  # warm-up: every worker loads and caches
    before=$(cpu_ticks "$serve")
    out=$($NICE wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${script[@]}" "$url")
    after=$(cpu_ticks "$serve")
    echo "== $workers worker(s), $name: $url"
    echo "$out"
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    total=$(awk '/requests in/ {print $1}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
    sockerr=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out"); sockerr=${sockerr:-0}
    cpu_us=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / total ))
    rows+=("| $workers | $name | $rps | $p50 | $p99 | $total | $non2xx | $sockerr | $cpu_us |")
  done
  kill "$serve"; wait "$serve" 2>/dev/null || true
  if grep -qiE "warning|error|traceback" "$work/serve-$workers.log"; then
    echo "== serve log ($workers worker(s)) has warnings or errors:"
    grep -iE "warning|error|traceback" "$work/serve-$workers.log" | sort | uniq -c | head -20
  fi
done

echo
echo "| workers | target | requests/s | p50 | p99 | requests | non-2xx | socket errors | service CPU µs/request |"
echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
