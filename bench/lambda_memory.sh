#!/usr/bin/env bash
# How much memory each function needs (not part of CI): for every target format that the
# descriptors in functions/ use, a representative conversion is run with the built CLI under
# the JVM settings Lambda's Java runtime gives a function of M MB, and the smallest M (in
# Lambda's 128 MB steps) at which it completes is found by binary search. The result is
# bench/lambda-memory.tsv, which FunctionDescriptorsTest holds functions/*.json to.
#
#   bench/lambda_memory.sh [TARGET...]        (default: every target in functions/*.json)
#
# Lambda's Java runtime (java17/java21) starts the JVM with a heap of 85% of the function's
# memory, 10% metaspace, 5% code cache, the serial collector and C1 only
# (-XX:MaxHeapSize, -XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize, -XX:+UseSerialGC,
# -XX:TieredStopAtLevel=1); infra/ adds no JAVA_TOOL_OPTIONS. The function also holds its
# upload's parts in memory (LABELBRIDGE_UPLOAD_PARALLEL_PARTS + 1 parts of
# LABELBRIDGE_UPLOAD_PART_MB: 5 x 16 MB), which a CLI conversion to a local file does not, so
# the heap given here is 85% of M less those 80 MB. A run "completes" when it exits 0 within
# two minutes (a heap that makes the collector thrash is not enough) and its peak RSS
# (/usr/bin/time -f %M) stays within M. The search starts at 1024 MB (2048 for the painting
# targets), doubles until a run completes, then halves the gap down to 128 MB.
#
# Inputs (generated, not committed; annotations only: images pass through a conversion raw,
# never held, so they do not change what it holds):
#   coco-val   bench/gen_coco.py --images 5000 --anns 36000 (val2017's scale), every target that
#              does not paint masks
#   coco-300   bench/gen_coco.py --images 300 --anns 2160, the same shapes at 6% of the scale,
#              for the targets that paint masks: painting 5,000 (even 1,000) images takes over
#              two minutes a run on the shared build machine; what a painting target holds is
#              its masks in flight (a few images' worth), not the item count
#   masks      bench/gen_masks.py --images 12 --masks 10: 4000x3000 images with RLE masks, for
#              the targets that paint masks (their PNG masks are as large as the images)
#   coco-300 is also open_images' input: at val2017's scale it did not complete at 1 or 2 GB,
#              nor within two minutes at 4 GB, on the shared machine
#   pointcloud the Datumaro 3D sample of the test corpus, for the point-cloud targets (a 2D
#              dataset cannot go to them, and there is no generator of point-cloud datasets)
# Every conversion draws a 16-item preview, as the function does.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
work=${LABELBRIDGE_MEMORY_WORK:-/tmp/labelbridge-lambda-memory}
table=bench/lambda-memory.tsv
painting="voc segmentation_mask camvid cityscapes kitti mots icdar_segmentation"
pointcloud="datumaro_3d kitti_raw sly_pointcloud"
upload_mb=80
step=128

built=$(ls target/labelbridge-*-runner.jar 2>/dev/null | head -n 1 || true)
[ -n "$built" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 1; }
mkdir -p "$work"
# A copy, with the libraries its manifest names: a build while this runs must not change them under it.
rm -rf "$work/jar" && mkdir -p "$work/jar" && cp -r "$built" target/lib "$work/jar/"
jar="$work/jar/$(basename "$built")"

if [ $# -gt 0 ]; then
  targets="$*"
else
  targets=$(python3 -c 'import glob, json; print(" ".join(sorted({json.load(open(f))["to"] for f in glob.glob("functions/*.json")})))')
fi

mkdir -p "$work/coco-val/annotations" "$work/coco-300/annotations" "$work/masks/annotations"
[ -s "$work/coco-300/annotations/instances_val.json" ] \
  || python3 bench/gen_coco.py "$work/coco-300/annotations/instances_val.json" --images 300 --anns 2160 >&2
[ -s "$work/coco-val/annotations/instances_val.json" ] \
  || python3 bench/gen_coco.py "$work/coco-val/annotations/instances_val.json" --images 5000 --anns 36000 >&2
[ -s "$work/masks/annotations/instances_default.json" ] \
  || python3 bench/gen_masks.py "$work/masks/annotations/instances_default.json" --images 12 --masks 10 >&2
rm -rf "$work/pointcloud" && cp -r src/test/resources/corpus/datumaro_3d_1.0/cvd_with_pcd "$work/pointcloud"

# One conversion under the JVM settings of a Lambda of $1 MB. Prints "exit seconds peak_rss_kb".
run() {
  local mb=$1 target=$2 input=$3 limit=120
  local heap=$(( mb * 85 / 100 - upload_mb )) meta=$(( mb / 10 )) code=$(( mb * 5 / 100 ))
  [ "$heap" -ge 16 ] || { echo "1 0 0"; return; }
  rm -rf "$work/out.zip" "$work/preview.png"
  local start end status=0
  start=$(date +%s.%N)
  timeout "$limit" /usr/bin/time -f %M -o "$work/rss" java -XX:MaxHeapSize=${heap}m -XX:MaxMetaspaceSize=${meta}m \
    -XX:ReservedCodeCacheSize=${code}m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Xlog:disable \
    -cp "$jar" org.labelbridge.cli.Main convert --to "$target" --option preview=16 --preview "$work/preview.png" \
    "$work/$input" "$work/out.zip" >/dev/null 2>"$work/err" || status=$?
  end=$(date +%s.%N)
  local rss
  rss=$(tail -n 1 "$work/rss" 2>/dev/null | grep -E '^[0-9]+$' || echo 0)
  echo "$status $(python3 -c "print(f'{$end - $start:.1f}')") $rss"
}

if [ ! -s "$table" ]; then
  printf 'target\tinput\tmin_memory_mb\tfails_at_mb\tpeak_rss_mb_at_min\tseconds_at_min\tdate\tmachine\n' >"$table"
fi
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 2^20}' /proc/meminfo), load $(cut -d' ' -f1 /proc/loadavg) at start, $(java -version 2>&1 | head -n 1 | tr -d '"')"

# Completes: exit 0 and peak RSS within the memory.
fits() { [ "$1" -eq 0 ] && [ "$3" -gt 0 ] && [ "$3" -le $(( $2 * 1024 )) ]; }

for target in $targets; do
  inputs="coco-val"
  first=1024
  case " $painting " in *" $target "*) inputs="coco-300 masks"; first=2048 ;; esac
  case " $pointcloud " in *" $target "*) inputs="pointcloud" ;; esac
  [ "$target" = open_images ] && inputs="coco-300"
  for input in $inputs; do
    # The smallest M in 128 MB steps: lo fails (0: none tried), hi completes.
    lo=0
    hi=$first
    read -r status s rss < <(run "$hi" "$target" "$input")
    while ! fits "$status" "$hi" "$rss"; do
      lo=$hi; hi=$(( hi * 2 ))
      [ "$hi" -le 10240 ] || { echo "$target $input: does not complete in 10240 MB (exit $status):" >&2; tail -n 3 "$work/err" >&2; continue 2; }
      read -r status s rss < <(run "$hi" "$target" "$input")
    done
    hi_s=$s; hi_rss=$rss
    while [ $(( hi - lo )) -gt "$step" ]; do
      mid=$(( (lo + hi) / 2 / step * step ))
      read -r status s rss < <(run "$mid" "$target" "$input")
      if fits "$status" "$mid" "$rss"; then
        hi=$mid; hi_s=$s; hi_rss=$rss
      else
        lo=$mid
      fi
    done
    printf '%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n' "$target" "$input" "$hi" "$lo" $(( hi_rss / 1024 )) "$hi_s" \
      "$(date -u +%F)" "$machine" | tee -a "$table"
  done
done
