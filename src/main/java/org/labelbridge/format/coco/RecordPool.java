package org.labelbridge.format.coco;

import java.util.ArrayList;
import java.util.List;

/**
 * Encoded annotations in fixed pages, addressed by a {@code long} (page, offset). Pages, not one
 * growing array, so that a large file never needs a copy of everything read so far.
 */
final class RecordPool {

    private static final int PAGE_SIZE = 1 << 20;

    private final List<byte[]> pages = new ArrayList<>();
    private byte[] page = new byte[0];
    private int used;

    /** Stores the buffer's bytes; returns their address. */
    long add(RecordBuffer record) {
        int length = record.size();
        if (length > page.length - used) {
            page = new byte[Math.max(PAGE_SIZE, length)];
            pages.add(page);
            used = 0;
        }
        System.arraycopy(record.bytes(), 0, page, used, length);
        long address = ((long) (pages.size() - 1) << 32) | used;
        used += length;
        return address;
    }

    RecordCursor open(long address) {
        return new RecordCursor(pages.get((int) (address >>> 32)), (int) address);
    }
}
