#!/usr/bin/env bash
# npm run bench: the team's shared benchmark (../shared/bench/bench.sh, or BENCH_SH) for what users
# run, side by side with /usr/bin/aws and the same Node's `node -e 0`. BENCH_RUNS, BENCH_JOBS etc.
# pass through to the benchmark.
#   BENCH_NODE=24 npm run bench        the tarball packed as CI packs it (npm run package), installed
#                                      into a temporary prefix, run on Node 24 (20, 22, 24 or 26)
#   BENCH_TARGET=exe npm run bench     the standalone executable (npm run build:exe), against the
#                                      floor of the Node inside it (26)
#   BENCH_TARGET=checkout npm run bench   node bin/aws.js of this checkout, after a fresh build
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
BENCH_SH=${BENCH_SH:-../shared/bench/bench.sh}
if [ ! -f "$BENCH_SH" ]; then
  echo "bench: $BENCH_SH not found (set BENCH_SH to the shared benchmark's bench.sh)" >&2
  exit 2
fi
node_dir() { dirname "$(node -e "import('./scripts/supported-nodes.mjs').then((m) => console.log(m.nodeBinaryFor(Number(process.argv[1]))))" "$1")"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/aws-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
case "${BENCH_TARGET:-package}" in
  checkout)
    node scripts/build.mjs
    bash "$BENCH_SH" "node $root/bin/aws.js"
    ;;
  exe)
    node scripts/build.mjs
    node scripts/build-exe.mjs
    PATH="$(node_dir 26):$PATH" bash "$BENCH_SH" "$root/dist/exe/aws"
    ;;
  package)
    major=${BENCH_NODE:-$(node -p 'process.versions.node.split(".")[0]')}
    npm run --silent package -- --pack-destination "$work" >/dev/null
    dir=$(node_dir "$major")
    PATH="$dir:$PATH" npm install --global --prefix "$work/prefix" --no-audit --no-fund "$work"/*.tgz >/dev/null 2>&1
    echo "bench: the installed package on Node $("$dir/node" --version)" >&2
    PATH="$dir:$PATH" bash "$BENCH_SH" "$work/prefix/bin/aws"
    ;;
  *)
    echo "bench: BENCH_TARGET is package, exe or checkout" >&2
    exit 2
    ;;
esac
