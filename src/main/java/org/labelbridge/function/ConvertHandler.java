package org.labelbridge.function;

import com.amazonaws.services.lambda.runtime.Context;
import io.quarkus.funqy.lambda.FunqyStreamHandler;
import io.quarkus.funqy.runtime.ApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda handler (Terraform's {@code handler}): Funqy's, except that a failure of the
 * function reaches the Lambda runtime as the function's own exception. Funqy wraps whatever a
 * function throws in its {@link ApplicationException}, so every failure would have the same
 * {@code errorType} and Step Functions could not retry an S3 outage without retrying bad input
 * too. Unwrapped, the {@code errorType} (the class's full name, which a state's
 * {@code ErrorEquals} matches) is {@link StorageUnavailableException} when S3 kept failing and
 * {@link ConversionFailedException} otherwise.
 */
public class ConvertHandler extends FunqyStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            super.handleRequest(input, output, context);
        } catch (ApplicationException e) {
            throw unwrapped(e);
        }
    }

    /** The function's own exception inside Funqy's wrapper, or the wrapper when it holds something else. */
    static RuntimeException unwrapped(ApplicationException e) {
        if (e.getCause() instanceof StorageUnavailableException || e.getCause() instanceof ConversionFailedException) {
            return (RuntimeException) e.getCause();
        }
        return e;
    }
}
