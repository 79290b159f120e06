#!/usr/bin/env bash
# The S3 path, end to end (not part of CI): an archive of images with COCO annotations is
# dropped into `./labelbridge serve`'s input bucket (auto-to-yolo/), and the script measures,
# from the drop to the report in the output bucket: wall time, MB/s of the archive, the
# server's peak RSS, the peak size of the function's work folder (LABELBRIDGE_WORK_DIR), and
# the function's own stage times from its JSON log (open, detect, convert, finish, preview,
# upload), and what the preview's read-back of the output cost: GETs, bytes asked and read.
#
#   bench/serve_s3.sh MB [WORK_DIR] [zip|tar|tar.gz] [TARGET]
#                       (WORK_DIR default /tmp/labelbridge-s3-bench, kind zip,
#                        TARGET default yolo: the archive goes to auto-to-TARGET/)
#
# The third argument drops the same dataset as a tar or a tar.gz (made from the zip, same files in
# the same order) instead of the zip: a tar is read in place like a zip; a tar.gz is inflated once
# into a scratch object beside the output (in S3Proxy's output bucket, under WORK_DIR/buckets).
#
# MB is the archive's size, about: 100 KB of incompressible image bytes per image, 7 boxes an
# image. The issue's measurement is `bench/serve_s3.sh 5120` (5 GB: 52,000 images; needs about
# 11 GB of free disk for the archive and S3Proxy's copy of it, and takes minutes). The output
# (a YOLO zip as large as the input) lands in WORK_DIR/buckets/output/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mb=${1:?usage: bench/serve_s3.sh MB [WORK_DIR] [zip|tar|tar.gz]}
work=${2:-/tmp/labelbridge-s3-bench}
kind=${3:-zip}
case "$kind" in zip|tar|tar.gz) ;; *) echo "the archive kind is zip, tar or tar.gz, not $kind" >&2; exit 2 ;; esac
target=${4:-yolo}
images=$(( mb * 1024 / 100 ))
mkdir -p "$work"
cd "$here"

archive="$work/coco-$mb.zip"
if [ ! -s "$archive" ]; then
  mkdir -p "$work/gen"
  python3 bench/gen_coco.py "$work/gen/instances_default.json" --images "$images" --anns $(( images * 7 )) >&2
  python3 bench/make_images.py "$work/gen/instances_default.json" "$archive" --noise 102400 >&2
fi
if [ "$kind" != zip ]; then
  zip="$archive"
  archive="$work/coco-$mb.$kind"
  if [ ! -s "$archive" ]; then
    python3 - "$zip" "$archive" <<'PY'
import sys, tarfile, zipfile
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as z, tarfile.open(target, "w:gz" if target.endswith(".gz") else "w",
                                                format=tarfile.PAX_FORMAT) as t:
    for info in z.infolist():
        if info.is_dir():
            continue
        entry = tarfile.TarInfo(info.filename)
        entry.size = info.file_size
        with z.open(info) as data:
            t.addfile(entry, data)
PY
  fi
fi
size=$(stat -c %s "$archive")

buckets="$work/buckets"
functionwork="$work/function-work"
rm -rf "$buckets" "$functionwork"
mkdir -p "$buckets/input/auto-to-$target" "$functionwork"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LABELBRIDGE_WORK_DIR="$functionwork" \
  ./labelbridge serve --dir "$buckets" --port "$port" --poll-ms 200 >"$work/serve.log" 2>"$work/serve.err" &
serve=$!
jvm=""
trap 'kill $jvm $serve 2>/dev/null || true' EXIT
until grep -q "http://127.0.0.1:$port" "$work/serve.err" 2>/dev/null; do sleep 0.2; done
# The JVM, not the launcher script: its RSS is the server's (and it must be stopped too).
jvm=$(pgrep -P "$serve" java || echo "$serve")

peak_disk=0
peak_rss=0
start=$(date +%s.%N)
cp "$archive" "$buckets/input/auto-to-$target/set.$kind"
report="$buckets/output/auto-to-$target/set.report.json"
error="$buckets/output/auto-to-$target/set.error.json"
while [ ! -s "$report" ] && [ ! -s "$error" ]; do
  disk=$(du -sb "$functionwork" 2>/dev/null | cut -f1 || echo 0)
  rss=$(awk '/VmRSS/ {print $2 * 1024}' "/proc/$jvm/status" 2>/dev/null || echo 0)
  [ "${disk:-0}" -gt "$peak_disk" ] && peak_disk=$disk
  [ "${rss:-0}" -gt "$peak_rss" ] && peak_rss=$rss
  sleep 0.05
done
end=$(date +%s.%N)
hwm=$(awk '/VmHWM/ {print $2 * 1024}' "/proc/$jvm/status" 2>/dev/null || echo "$peak_rss")
[ -s "$error" ] && { echo "conversion failed:" >&2; cat "$error" >&2; exit 1; }

python3 - "$size" "$start" "$end" "$hwm" "$peak_disk" "$work/serve.log" "$kind" <<'PY'
import json, sys
size, start, end, rss, disk, log = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
wall = end - start
stages = {}
preview_read = "no preview"
for line in open(log):
    try:
        j = json.loads(line)
    except ValueError:
        continue
    if j.get("event") == "stage":
        stages[j["stage"]] = j.get("duration_ms")
        if j["stage"] == "preview":
            preview_read = (f"preview read back: {j.get('get_requests')} GETs asking {j.get('bytes_asked', 0)/2**20:.1f} MB, "
                            f"{j.get('bytes_read', 0)/2**20:.1f} MB read")
kind = sys.argv[7]
print("| archive | wall (drop to report) | MB/s | peak RSS | peak local disk | stages (ms) |")
print("| --- | --- | --- | --- | --- | --- |")
print(f"| {size/1e6:.0f} MB {kind} | {wall:.1f} s | {size/1e6/wall:.0f} | {rss/2**20:.0f} MB | {disk/2**20:.2f} MB | "
      + ", ".join(f"{k} {v}" for k, v in stages.items()) + " |")
print(preview_read)
PY
