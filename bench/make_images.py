#!/usr/bin/env python3
"""Add one small real PNG per image of a COCO file into a zip, next to its annotations.

Usage: make_images.py COCO_JSON OUT_ZIP [--size 64]

Each PNG is SIZE x SIZE random RGB pixels (incompressible, about 12 KB at 64), written under
images/default/<file_name>, with the COCO file under annotations/. Deterministic.
"""
import argparse, json, random, struct, zipfile, zlib

def png(width, height, rng):
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))

def main():
    p = argparse.ArgumentParser()
    p.add_argument("coco"); p.add_argument("out"); p.add_argument("--size", type=int, default=64)
    a = p.parse_args()
    rng = random.Random(7)
    with open(a.coco) as f:
        data = json.load(f)
    with zipfile.ZipFile(a.out, "w") as z:
        z.write(a.coco, "annotations/instances_default.json", compress_type=zipfile.ZIP_DEFLATED)
        for image in data["images"]:
            z.writestr("images/default/" + image["file_name"], png(a.size, a.size, rng), compress_type=zipfile.ZIP_STORED)

if __name__ == "__main__":
    main()
