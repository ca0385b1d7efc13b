#!/bin/bash
# Runs inside a media-worker image (scripts/ci-smoke mounts it): JVM start-up of `--version` under
# each flag set, interleaved round by round so load on the machine hits every variant alike.
# Prints the median wall time and the median CPU time (user + sys, which contention inflates less).
# Usage: startup-times.sh [ROUNDS]   (default 5)
set -euo pipefail
rounds=${1:-5}
jar=/opt/media-worker/media-worker.jar
cds=/opt/media-worker/app.jsa
fast="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
names=(
  "no CDS (-Xshare:off), default GC and JIT"
  "JDK's default CDS, default GC and JIT (plain java -jar)"
  "AppCDS, default GC and JIT"
  "no CDS (-Xshare:off), SerialGC, C1 only"
  "JDK's default CDS, SerialGC, C1 only"
  "AppCDS, SerialGC, C1 only"
  "the image's ENTRYPOINT (AppCDS, SerialGC, C1 only, JVM warnings to stderr)"
)
flags=(
  "-Xshare:off"
  ""
  "-XX:SharedArchiveFile=$cds"
  "-Xshare:off $fast"
  "$fast"
  "-XX:SharedArchiveFile=$cds $fast"
  "-XX:SharedArchiveFile=$cds $fast -Xlog:disable -Xlog:all=warning:stderr"
)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
TIMEFORMAT='%R %U %S'
results=$(mktemp)
java -jar "$jar" --version > /dev/null   # page cache warm-up, not counted
for ((r = 0; r < rounds; r++)); do
  for i in "${!flags[@]}"; do
    # shellcheck disable=SC2086  # the flags are meant to split
    t=$( { time java ${flags[$i]} -jar "$jar" --version > /dev/null 2> /dev/null; } 2>&1 ) \
      || { echo "startup-times: variant '${names[$i]}' failed" >&2; exit 1; }
    read -r real user sys <<< "$t"
    echo "$i $real $user $sys" >> "$results"
  done
done
printf '%9s %9s  %s\n' "wall ms" "CPU ms" "--version, median of $rounds ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
for i in "${!flags[@]}"; do
  wall=$(awk -v i="$i" '$1 == i { printf "%d\n", $2 * 1000 }' "$results" | median)
  cpu=$(awk -v i="$i" '$1 == i { printf "%d\n", ($3 + $4) * 1000 }' "$results" | median)
  printf '%9s %9s  %s\n' "$wall" "$cpu" "${names[$i]}"
done
rm -f "$results"
