#!/usr/bin/env python3
"""Write a synthetic COCO "instances" JSON of large images with RLE masks, deterministic.

Usage:
  gen_masks.py OUT.json [--images 200] [--masks 10] [--width 4000] [--height 3000] [--seed S]

Each image has --masks crowd annotations (iscrowd=1, compressed RLE as pycocotools writes
it): a blob whose outline wobbles (an ellipse with a radius that varies along x), so that its
edge is a staircase of many pixel steps, as masks drawn or predicted on photos are. The RLE is
built column by column (one set interval per column), never pixel by pixel.
"""
import argparse
import json
import math
import random


def rle_string(counts):
    """pycocotools' rleToString."""
    out = []
    for i, x in enumerate(counts):
        if i > 2:
            x -= counts[i - 2]
        more = True
        while more:
            c = x & 0x1f
            x >>= 5
            more = (x != -1) if (c & 0x10) else (x != 0)
            if more:
                c |= 0x20
            out.append(chr(c + 48))
    return "".join(out)


def blob(rng, W, H):
    rx = rng.uniform(0.05, 0.25) * W
    ry = rng.uniform(0.05, 0.25) * H
    cx = rng.uniform(rx, W - rx)
    cy = rng.uniform(ry, H - ry)
    waves = [(rng.uniform(0.02, 0.08), rng.uniform(2, 9), rng.uniform(0, 6.3)) for _ in range(3)]
    counts, pos, area = [], 0, 0
    x0, y0, x1, y1 = W, H, 0, 0
    last = 0  # end of the last set run, in column-major pixel positions
    for x in range(W):
        u = (x + 0.5 - cx) / rx
        if abs(u) >= 1:
            continue
        wobble = 1 + sum(a * math.sin(f * u * math.pi + p) for a, f, p in waves)
        half = ry * math.sqrt(1 - u * u) * wobble
        top = max(0, int(math.ceil(cy - half - 0.5)))
        bottom = min(H, int(math.floor(cy + half - 0.5)) + 1)
        if top >= bottom:
            continue
        start = x * H + top
        counts.append(start - last)
        counts.append(bottom - top)
        last = x * H + bottom
        area += bottom - top
        x0, x1 = min(x0, x), max(x1, x + 1)
        y0, y1 = min(y0, top), max(y1, bottom)
    counts.append(W * H - last)
    # Columns next to each other whose runs touch (bottom of one at the top of the next never
    # happens here: one interval per column, and a column ends at H), so counts alternate.
    return counts, area, [x0, y0, x1 - x0, y1 - y0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--images", type=int, default=200)
    ap.add_argument("--masks", type=int, default=10)
    ap.add_argument("--width", type=int, default=4000)
    ap.add_argument("--height", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    W, H = args.width, args.height
    images, annotations = [], []
    for i in range(1, args.images + 1):
        images.append({"id": i, "file_name": "img_%05d.jpg" % i, "width": W, "height": H})
        for _ in range(args.masks):
            counts, area, bbox = blob(rng, W, H)
            annotations.append({"id": len(annotations) + 1, "image_id": i, "category_id": 1 + rng.randrange(5),
                                "iscrowd": 1, "area": area, "bbox": bbox,
                                "segmentation": {"size": [H, W], "counts": rle_string(counts)}})
    categories = [{"id": c, "name": "class_%d" % c, "supercategory": "blob"} for c in range(1, 6)]
    with open(args.out, "w") as f:
        json.dump({"images": images, "annotations": annotations, "categories": categories}, f)
    print("wrote %s: %d images of %dx%d, %d RLE masks" % (args.out, len(images), W, H, len(annotations)))


if __name__ == "__main__":
    main()
