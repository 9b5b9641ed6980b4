#!/usr/bin/env bash
# compare.sh: `tutor sandbox emulate` against AWS's Runtime Interface Emulator
# (aws-lambda-rie), side by side, on the same test handler binary.
#
# It builds the emulator from the Go module proxy into a temporary folder
# (never committed, never added to go.mod), runs BenchmarkEmulate (warm
# invocations one at a time) and BenchmarkEmulateConcurrent (four 20 ms
# invocations: tutor gets them at once, the emulator one after another,
# because it serves one at a time and crashes when they overlap) COUNT
# times, alternating the two so that a noisy neighbour hurts both alike, and
# prints benchstat's comparison with one column per implementation. Then it
# sends the emulator four overlapping invocations once (TestRIEOverlap) and
# says what happened: a crash is reported as a crash, never as a time.
#
#   sandbox/runtimeapi/bench/compare.sh            # COUNT=10 BENCHTIME=1s
#   COUNT=20 BENCHTIME=2s sandbox/runtimeapi/bench/compare.sh
#   KEEP=results.txt sandbox/runtimeapi/bench/compare.sh   # keep the raw output
set -euo pipefail

RIE_MODULE=github.com/aws/aws-lambda-runtime-interface-emulator
RIE_VERSION=v0.0.0-20261030222936-bef5c4ba774d
BENCHSTAT=golang.org/x/perf/cmd/benchstat@latest
COUNT=${COUNT:-10}
BENCHTIME=${BENCHTIME:-1s}

pkg_dir=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building aws-lambda-rie $RIE_VERSION into $tmp" >&2
(cd "$tmp" && GOBIN="$tmp" GOFLAGS= go install "$RIE_MODULE/cmd/aws-lambda-rie@$RIE_VERSION")

echo "building the benchmark" >&2
(cd "$pkg_dir" && go test -c -o "$tmp/runtimeapi.test" .)

out="$tmp/bench.txt"
for i in $(seq "$COUNT"); do
	echo "run $i of $COUNT" >&2
	# the test binary must run in the package folder: it builds testdata/handler
	(cd "$pkg_dir" && TUTOR_RIE_BIN="$tmp/aws-lambda-rie" "$tmp/runtimeapi.test" \
		-test.run '^$' -test.bench 'Emulate' -test.benchtime "$BENCHTIME" -test.count 1) >>"$out"
done

if [ -n "${KEEP:-}" ]; then cp "$out" "$KEEP"; fi
(cd "$tmp" && go run "$BENCHSTAT" -col /impl "$out")

cat <<'NOTE'

EmulateConcurrent is the time to serve four 20 ms invocations: tutor serves
them at once from 4 copies; aws-lambda-rie serves them one after another,
which is all it can do (sec/op is the same work both ways; served/op must be
4 on both sides, or a row measures failures, not speed).
NOTE
echo "overlapping invocations against aws-lambda-rie:" >&2
overlap=$(cd "$pkg_dir" && TUTOR_RIE_BIN="$tmp/aws-lambda-rie" "$tmp/runtimeapi.test" \
	-test.run '^TestRIEOverlap$' -test.v 2>&1 | sed -n 's/.*RIE-OVERLAP: //p' || true)
case "$overlap" in
*"served 4 of 4"*"afterwards: true"*) echo "aws-lambda-rie $RIE_VERSION: $overlap" ;;
"") echo "aws-lambda-rie $RIE_VERSION: the overlap probe did not run" ;;
*) echo "aws-lambda-rie $RIE_VERSION CRASHES when invocations overlap: $overlap" ;;
esac
