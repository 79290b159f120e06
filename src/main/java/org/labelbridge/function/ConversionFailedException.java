package org.labelbridge.function;

/**
 * The invocation failed; the message names the input and says why. Unchecked so that the
 * Lambda runtime reports it as the invocation's error as it is, not wrapped.
 */
public class ConversionFailedException extends RuntimeException {

    public ConversionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
