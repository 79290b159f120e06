package org.labelbridge.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Retries one S3 transfer (a download, an upload, one part) while it fails with an error that
 * is usually transient, with exponential backoff and full jitter; gives up with a
 * {@link StorageUnavailableException} after the last attempt. Permanent errors (no such key,
 * access denied, a bad request) are thrown at once. The SDK's own retries of each request
 * happen below this; this layer also covers what they do not, such as a body cut short.
 */
final class S3Retry {

    private static final Logger LOG = Logger.getLogger(S3Retry.class);

    /**
     * The jitter's randomness. Not ThreadLocalRandom: its seed is taken once per JVM, and every
     * environment SnapStart restores from one snapshot would wait the same times; Lambda's
     * runtime makes SecureRandom unique after each restore.
     */
    private static final SecureRandom JITTER = new SecureRandom();

    /** An S3 call that may throw the SDK's runtime exceptions or an {@link IOException}. */
    interface Call<T> {
        T run() throws IOException;
    }

    private final int attempts;
    private final Duration baseDelay;
    private final Duration maxDelay;

    S3Retry(int attempts, Duration baseDelay, Duration maxDelay) {
        if (attempts < 1) {
            throw new IllegalArgumentException("S3 attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
    }

    int attempts() {
        return attempts;
    }

    /** Runs {@code call}, again after transient failures; {@code what} names it in messages. */
    <T> T call(String what, Call<T> call) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (IOException | RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new StorageUnavailableException(what + ": S3 kept failing, " + attempts + " attempts: "
                            + describe(e), e);
                }
                long delay = delayBefore(attempt + 1);
                LOG.warnf("%s: attempt %d of %d failed (%s); retrying in %d ms", what, attempt, attempts, describe(e),
                        delay);
                sleep(delay);
            }
        }
    }

    /** Full jitter: a random wait up to base * 2^(attempt-2), capped. */
    private long delayBefore(int attempt) {
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(20, attempt - 2));
        return ceiling <= 0 ? 0 : JITTER.nextLong(ceiling + 1);
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Server errors, throttling, timeouts, and I/O failures (a reset connection, a body cut
     * short) are worth another attempt; anything the request itself got wrong is not.
     */
    static boolean isTransient(Throwable e) {
        if (e instanceof StorageUnavailableException) {
            return false; // already retried below
        }
        if (e instanceof TruncatedTransferException) {
            return true;
        }
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
            return status == 500 || status == 502 || status == 503 || status == 504 || status == 429 || status == 408
                    || code.equals("SlowDown") || code.equals("RequestTimeout") || code.equals("InternalError");
        }
        // No answer from S3: connection refused or reset, a timeout, an unreadable response. (A local
        // IOException, such as a full disk, is not S3's and is not retried.) The URL connection client
        // lets some of these out unwrapped, as an UncheckedIOException: a kept-alive connection the
        // server has closed fails so while a PUT waits for "100 Continue".
        return e instanceof SdkClientException || e instanceof UncheckedIOException && isNetwork(e.getCause());
    }

    private static boolean isNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable e) {
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String message = s3.awsErrorDetails() == null || s3.awsErrorDetails().errorMessage() == null
                    ? s3.getMessage() : s3.awsErrorDetails().errorMessage();
            return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code)
                    + (message == null ? "" : ": " + message);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A download or upload that ended before all its bytes went through (a reset, a body cut short). */
    static final class TruncatedTransferException extends IOException {
        TruncatedTransferException(String message) {
            super(message);
        }
    }
}
