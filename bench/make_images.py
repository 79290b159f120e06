#!/usr/bin/env python3
"""Add one real PNG per image of a COCO file into a zip, next to its annotations.

Usage: make_images.py COCO_JSON OUT_ZIP [--noise 4096]

Each PNG has the width and height the COCO file gives its image (the conversion checks sizes
against image headers), a band of about NOISE random bytes at the top (incompressible, so the
zip holds about 5 KB per image) and black below. Images of one size share their bytes: the
benchmark measures that image bytes pass through without being held, not decoding. Written
under images/default/<file_name>, stored, with the COCO file under annotations/.
Deterministic.
"""
import argparse, json, random, struct, zipfile, zlib

def png(width, height, noise, rng):
    row = width * 3
    noisy_rows = max(1, min(height, noise // row))
    compressor = zlib.compressobj(1)
    data = b"".join(compressor.compress(b"\x00" + rng.randbytes(row)) for _ in range(noisy_rows))
    black = b"\x00" * (row + 1)
    data += b"".join(compressor.compress(black) for _ in range(height - noisy_rows)) + compressor.flush()
    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload) & 0xffffffff)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))

def main():
    p = argparse.ArgumentParser()
    p.add_argument("coco"); p.add_argument("out"); p.add_argument("--noise", type=int, default=4096)
    a = p.parse_args()
    rng = random.Random(7)
    with open(a.coco) as f:
        data = json.load(f)
    by_size = {}
    with zipfile.ZipFile(a.out, "w") as z:
        z.write(a.coco, "annotations/instances_default.json", compress_type=zipfile.ZIP_DEFLATED)
        for image in data["images"]:
            size = (image["width"], image["height"])
            if size not in by_size:
                by_size[size] = png(size[0], size[1], a.noise, rng)
            z.writestr("images/default/" + image["file_name"], by_size[size], compress_type=zipfile.ZIP_STORED)

if __name__ == "__main__":
    main()
