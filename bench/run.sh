#!/usr/bin/env bash
# The speed and memory benchmark (not part of CI). Generates COCO data at val2017 and
# train2017 scale with bench/gen_coco.py, runs the real CLI as a fresh process per
# conversion, and prints one table: wall time, peak RSS, annotations per second, and each
# conversion's ratio to a bare Jackson streaming pass over the same JSON (the floor).
#
#   bench/run.sh [val|train|images|masks|reads|all] [WORK_DIR]      (default: all, /tmp/labelbridge-bench)
#
# LABELBRIDGE_HOME=/path/to/another/checkout (built) runs that checkout's launcher instead,
# without building: the same table for an earlier version.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what=${1:-all}
work=${2:-/tmp/labelbridge-bench}
mkdir -p "$work"
cd "$here"
home=${LABELBRIDGE_HOME:-$here}
[ -n "${LABELBRIDGE_HOME:-}" ] || mvn -B -q -DskipTests package >&2
jar=$(ls "$home"/target/labelbridge-*-runner.jar | head -n 1)
lb="$home/labelbridge"
# The launcher records a class-data-sharing archive on its first run after a build: make that
# run a small conversion here, so that the table shows what every later run costs.
mkdir -p "$work/warmup/coco/annotations"
[ -s "$work/warmup/coco/annotations/instances_default.json" ] \
  || python3 bench/gen_coco.py "$work/warmup/coco/annotations/instances_default.json" --images 200 --anns 1500 >&2
rm -f "$home/target/labelbridge.jsa" "$work/warmup/out.zip"
"$lb" convert --from coco --to yolo "$work/warmup/coco" "$work/warmup/out.zip" >/dev/null 2>&1

measure() { # measure LOG CMD... -> prints "wall rss_kb"
  local log=$1; shift
  /usr/bin/time -f "%e %M" -o "$log.time" "$@" >"$log" 2>&1 || { echo "FAILED: $*" >&2; cat "$log" >&2; exit 1; }
  cat "$log.time"
}

row() { # row NAME SCALE INPUT WALL RSS ANNS FLOOR
  python3 - "$@" <<'PY'
import sys
name, scale, inp, wall, rss, anns, floor = sys.argv[1:]
wall, rss, anns, floor = float(wall), int(rss), int(anns), float(floor)
size = __import__("os").path.getsize(inp) / 1e6
print(f"| {name:<24} | {scale:<6} | {size:8.1f} MB | {wall:7.2f} s | {rss/1024:8.0f} MB | {anns/wall:12,.0f} | {wall/floor:5.2f}x |")
PY
}

annotations() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['annotations']['total_in'])" "$1"; }

scale() { # scale NAME IMAGES ANNS
  local name=$1 images=$2 anns=$3 dir="$work/$1"
  mkdir -p "$dir/coco/annotations"
  local json="$dir/coco/annotations/instances_default.json"
  [ -s "$json" ] || python3 bench/gen_coco.py "$json" --images "$images" --anns "$anns" >&2
  [ -s "$dir/coco.zip" ] || (cd "$dir/coco" && zip -q -r ../coco.zip annotations)
  read -r fwall frss < <(measure "$dir/floor.log" java -cp "target/test-classes:$jar" org.labelbridge.bench.JsonFloor "$json")
  printf '| %-24s | %-6s | %8.1f MB | %7.2f s | %8.0f MB | %12s | %5s |\n' "floor: Jackson pass" "$name" \
    "$(python3 -c "print($(stat -c %s "$json")/1e6)")" "$fwall" "$((frss / 1024))" "" "1.00x"
  convert() { # convert FROM TO INPUT OUTPUT
    rm -f "$4"
    read -r wall rss < <(measure "$dir/$1-$2.log" "$lb" convert --from "$1" --to "$2" --report "$dir/$1-$2.json" "$3" "$4")
    row "$1 -> $2" "$name" "$3" "$wall" "$rss" "$(annotations "$dir/$1-$2.json")" "$fwall"
  }
  convert coco yolo "$dir/coco.zip" "$dir/yolo.zip"
  convert coco voc "$dir/coco.zip" "$dir/voc.zip"
  # the other targets that paint masks (COCO polygons painted into PNG class/instance maps)
  for target in segmentation_mask camvid cityscapes kitti mots; do
    convert coco "$target" "$dir/coco.zip" "$dir/$target.zip"
  done
  convert coco datumaro "$dir/coco.zip" "$dir/datumaro.zip"
  convert coco cvat_images "$dir/coco.zip" "$dir/cvat.zip"
  convert yolo coco "$dir/yolo.zip" "$dir/yolo-coco.zip"
  convert cvat_images coco "$dir/cvat.zip" "$dir/cvat-coco.zip"
}

masks() { # masks to polygons: 200 images of 4000x3000 with 10 RLE masks each (bench/gen_masks.py)
  local dir="$work/masks" name=masks
  mkdir -p "$dir/coco/annotations"
  local json="$dir/coco/annotations/instances_default.json"
  [ -s "$json" ] || python3 bench/gen_masks.py "$json" --images 200 --masks 10 >&2
  [ -s "$dir/coco.zip" ] || (cd "$dir/coco" && zip -q -r ../coco.zip annotations)
  read -r fwall frss < <(measure "$dir/floor.log" java -cp "target/test-classes:$jar" org.labelbridge.bench.JsonFloor "$json")
  printf '| %-24s | %-6s | %8.1f MB | %7.2f s | %8.0f MB | %12s | %5s |\n' "floor: Jackson pass" "$name" \
    "$(python3 -c "print($(stat -c %s "$json")/1e6)")" "$fwall" "$((frss / 1024))" "" "1.00x"
  for target in coco ultralytics_segmentation; do # RLE kept; traced into polygons
    rm -f "$dir/out-$target.zip"
    read -r wall rss < <(measure "$dir/$target.log" "$lb" convert --from coco --to "$target" \
      --report "$dir/$target.json" "$dir/coco.zip" "$dir/out-$target.zip")
    row "coco -> $target" "$name" "$dir/coco.zip" "$wall" "$rss" "$(annotations "$dir/$target.json")" "$fwall"
  done
}

reads() { # mask files read back: the val-scale COCO painted into each mask format, then to COCO
  local dir="$work/val" name=reads
  mkdir -p "$dir/coco/annotations"
  local json="$dir/coco/annotations/instances_default.json"
  [ -s "$json" ] || python3 bench/gen_coco.py "$json" --images 5000 --anns 36000 >&2
  [ -s "$dir/coco.zip" ] || (cd "$dir/coco" && zip -q -r ../coco.zip annotations)
  local source
  for source in voc segmentation_mask camvid cityscapes kitti mots; do # painted once, not timed
    [ -s "$dir/$source.zip" ] || "$lb" convert --from coco --to "$source" "$dir/coco.zip" "$dir/$source.zip" >/dev/null
  done
  read -r fwall frss < <(measure "$dir/floor.log" java -cp "target/test-classes:$jar" org.labelbridge.bench.JsonFloor "$json")
  printf '| %-24s | %-6s | %8.1f MB | %7.2f s | %8.0f MB | %12s | %5s |\n' "floor: Jackson pass" "$name" \
    "$(python3 -c "print($(stat -c %s "$json")/1e6)")" "$fwall" "$((frss / 1024))" "" "1.00x"
  read_back() { # read_back FROM TO
    rm -f "$dir/read-$1-$2.zip"
    read -r wall rss < <(measure "$dir/read-$1-$2.log" "$lb" convert --from "$1" --to "$2" \
      --report "$dir/read-$1-$2.json" "$dir/$1.zip" "$dir/read-$1-$2.zip")
    row "$1 -> $2" "$name" "$dir/$1.zip" "$wall" "$rss" "$(annotations "$dir/read-$1-$2.json")" "$fwall"
  }
  for source in voc segmentation_mask camvid cityscapes kitti mots; do
    read_back "$source" coco
  done
  read_back voc ultralytics_segmentation # masks traced into polygons
}

images() { # 20,000 images of ~12 KB each: memory must not grow with the image bytes
  local dir="$work/images" name=images
  mkdir -p "$dir/coco/annotations"
  local json="$dir/coco/annotations/instances_default.json"
  [ -s "$json" ] || python3 bench/gen_coco.py "$json" --images 20000 --anns 150000 >&2
  [ -s "$dir/coco.zip" ] || python3 bench/make_images.py "$json" "$dir/coco.zip"
  read -r fwall frss < <(measure "$dir/floor.log" java -cp "target/test-classes:$jar" org.labelbridge.bench.JsonFloor "$json")
  rm -f "$dir/yolo.zip"
  read -r wall rss < <(measure "$dir/convert.log" "$lb" convert --from coco --to yolo --report "$dir/report.json" "$dir/coco.zip" "$dir/yolo.zip")
  row "coco -> yolo +20k images" "images" "$dir/coco.zip" "$wall" "$rss" "$(annotations "$dir/report.json")" "$fwall"
}

echo "| conversion               | scale  | input       | wall      | peak RSS    | annotations/s | floor |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
case "$what" in
  val) scale val 5000 36000 ;;
  train) scale train 118000 860000 ;;
  images) images ;;
  masks) masks ;;
  reads) reads ;;
  all) scale val 5000 36000; scale train 118000 860000; images; masks; reads ;;
  *) echo "usage: bench/run.sh [val|train|images|masks|reads|all] [WORK_DIR]" >&2; exit 2 ;;
esac
