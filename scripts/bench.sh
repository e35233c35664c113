#!/usr/bin/env bash
# npm run bench: the team's shared benchmark (../shared/bench/bench.sh, or BENCH_SH) for this
# project's binary, side by side with /usr/bin/aws and `node -e 0`. Builds first so the numbers
# are for the current source. BENCH_RUNS, BENCH_JOBS etc. pass through to the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_SH=${BENCH_SH:-../shared/bench/bench.sh}
if [ ! -f "$BENCH_SH" ]; then
  echo "bench: $BENCH_SH not found (set BENCH_SH to the shared benchmark's bench.sh)" >&2
  exit 2
fi
node scripts/build.mjs
exec bash "$BENCH_SH" "node $(pwd)/bin/aws.js"
