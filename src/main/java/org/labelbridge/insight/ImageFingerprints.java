package org.labelbridge.insight;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.labelbridge.format.DatasetSource;

/**
 * Finds images with the same bytes without reading images the conversion does not read. A zip
 * records each entry's size and CRC-32 in its directory: two images agreeing on both are
 * taken as the same bytes, at no cost. Other containers record only sizes: images sharing a
 * size with another are read and their CRC-32 compared when the stream ends, so the cost is
 * reading those images only (told in {@link #cost()}). Memory: one entry per distinct image.
 */
final class ImageFingerprints {

    /** Same-size pairs read at the end at most; beyond, the check says it stopped. */
    static final int MAX_PAIRS = 10_000;

    /** A duplicate found: the later image and the earlier one with its bytes. */
    record Duplicate(String itemId, String subset, String path, String firstPath) {
    }

    /** Size and CRC-32 (-1 where the container records none). */
    private record Fingerprint(long size, long crc) {
    }

    private record Pair(String itemId, String subset, String path, String firstPath) {
    }

    private final DatasetSource source;
    private final Map<Fingerprint, String> firstByFingerprint = new HashMap<>();
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<Pair> sameSize = new ArrayList<>();
    private boolean sizesOnly;
    private boolean pairsLeftOut;
    private long images;
    private long bytesRead;
    private long filesRead;

    ImageFingerprints(DatasetSource source) {
        this.source = source;
    }

    void accept(String itemId, String subset, String path) {
        if (path == null || source == null || !source.exists(path)) {
            return;
        }
        images++;
        long size = source.size(path);
        long crc = source.storedCrc32(path);
        sizesOnly |= crc < 0;
        String first = firstByFingerprint.putIfAbsent(new Fingerprint(size, crc), path);
        if (first == null || first.equals(path)) {
            return;
        }
        if (crc >= 0) {
            duplicates.add(new Duplicate(itemId, subset, path, first));
        } else if (sameSize.size() < MAX_PAIRS) {
            sameSize.add(new Pair(itemId, subset, path, first));
        } else {
            pairsLeftOut = true;
        }
    }

    /** The duplicates, in stream order; reads the same-size candidates of a container without checksums. */
    List<Duplicate> finish() {
        if (!sameSize.isEmpty()) {
            // Within each size (named by its first image), every image against the earlier ones.
            Map<String, Map<Long, String>> earliestByCrc = new HashMap<>();
            for (Pair pair : sameSize) {
                Map<Long, String> earliest = earliestByCrc.computeIfAbsent(pair.firstPath, first -> {
                    Map<Long, String> m = new HashMap<>();
                    m.put(crc(first), first);
                    return m;
                });
                String same = earliest.putIfAbsent(crc(pair.path), pair.path);
                if (same != null) {
                    duplicates.add(new Duplicate(pair.itemId, pair.subset, pair.path, same));
                }
            }
            sameSize.clear();
        }
        return duplicates;
    }

    /** Reads the image once: each path comes here at most once (the first of a size, or a later one). */
    private long crc(String path) {
        CRC32 sum = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = source.open(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sum.update(buffer, 0, n);
                bytesRead += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source.describe(path) + ": cannot read it to compare its bytes", e);
        }
        filesRead++;
        return sum.getValue();
    }

    /** Images looked at; 0 when the input holds none of the items' images. */
    long images() {
        return images;
    }

    /** What the check cost beyond the directory, or null when it read nothing. */
    String cost() {
        if (!sizesOnly) {
            return null;
        }
        return "the input records no checksums: read " + filesRead + " images sharing a size with another ("
                + bytesRead + " bytes)" + (pairsLeftOut ? "; stopped after " + MAX_PAIRS + " same-size pairs" : "");
    }
}
