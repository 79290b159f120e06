package org.labelbridge.convert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * The option {@code split}: an item's subset follows from its id and the seed alone, so a
 * stream can be split without seeing it whole, the same item lands in the same subset on every
 * run, and items added later do not move the others. The draw is the first 8 bytes of
 * SHA-256 over {@code "<seed>:<item id>"} (UTF-8), as an unsigned number, keeping its top
 * 53 bits as a fraction {@code u} in [0, 1); the subsets take their shares of [0, 1) in name
 * order (whatever order the option listed them in) and the item goes to the one {@code u}
 * falls in. In Python:
 * {@code (int.from_bytes(sha256(f"{seed}:{id}".encode()).digest()[:8], "big") >> 11) / 2**53}.
 * The proportions are exact in expectation; a small dataset can deviate by chance.
 */
final class HashSplit {

    private final String[] subsets;
    private final double[] upTo;
    private final long seed;

    HashSplit(Map<String, Double> fractions, long seed) {
        this.subsets = fractions.keySet().stream().sorted().toArray(String[]::new);
        this.upTo = new double[subsets.length];
        double total = 0;
        for (int i = 0; i < subsets.length; i++) {
            total += fractions.get(subsets[i]);
            upTo[i] = total;
        }
        upTo[subsets.length - 1] = Double.POSITIVE_INFINITY; // rounding never leaves an item out
        this.seed = seed;
    }

    String subsetOf(String itemId) {
        double u = draw(seed, itemId);
        for (int i = 0; i < subsets.length; i++) {
            if (u < upTo[i]) {
                return subsets[i];
            }
        }
        return subsets[subsets.length - 1];
    }

    static double draw(long seed, String itemId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + itemId).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(digest, 0, 8).getLong() >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
