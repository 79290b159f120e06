package org.labelbridge.function;

/**
 * S3 kept failing with errors that are usually transient (500, 503 SlowDown, a reset
 * connection, a cut-off body) after every retry. Unlike {@link ConversionFailedException} the
 * input may be fine: invoking again later (Lambda's own retry, a Step Functions Retry) can
 * succeed. The invocation's {@code errorMessage} starts with this class's name.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
