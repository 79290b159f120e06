package org.labelbridge.function;

/**
 * The invocation failed; the message names the input and says why. Funqy hands it to the
 * Lambda runtime wrapped in its {@code ApplicationException}, whose message is this class's
 * name and this message: that is the invocation's {@code errorMessage}.
 */
public class ConversionFailedException extends RuntimeException {

    public ConversionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
