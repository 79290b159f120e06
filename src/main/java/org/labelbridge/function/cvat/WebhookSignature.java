package org.labelbridge.function.cvat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CVAT's delivery signature: {@code X-Signature-256: sha256=<hex HMAC-SHA256 of the body with the
 * webhook's secret>} (cvat/apps/webhooks/tasks.py). Checked over the raw body bytes, compared in
 * constant time. CVAT's documentation also shows the bare hex digest, which is accepted too.
 */
final class WebhookSignature {

    static final String HEADER = "X-Signature-256";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    static String of(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Whether {@code header} is the signature of {@code body} under {@code secret}. */
    static boolean matches(byte[] secret, byte[] body, String header) {
        if (secret.length == 0) {
            return false; // an empty secret would let anyone sign
        }
        String given = header.strip().toLowerCase(java.util.Locale.ROOT);
        if (!given.startsWith(PREFIX)) {
            given = PREFIX + given;
        }
        return MessageDigest.isEqual(of(secret, body).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }
}
