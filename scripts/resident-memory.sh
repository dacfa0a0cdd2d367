#!/usr/bin/env bash
# Prints the resident memory (RSS) of each running local service and their sum.
#   scripts/resident-memory.sh [pid-dir]      (default .run/pids)
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.run/pids}
total=0
for pid_file in "$dir"/*.pid; do
  pid=$(cat "$pid_file")
  rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  total=$(( total + rss_kib ))
  printf '%-18s %6d MiB\n' "$(basename "$pid_file" .pid)" $(( rss_kib / 1024 ))
done
printf '%-18s %6d MiB\n' "total" $(( total / 1024 ))
