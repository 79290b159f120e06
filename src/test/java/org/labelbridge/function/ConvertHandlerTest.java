package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.funqy.runtime.ApplicationException;
import org.junit.jupiter.api.Test;

/**
 * What the Lambda runtime reports as {@code errorType} is the class of what the handler throws:
 * the function's own exception, so that Step Functions retries an S3 outage and not bad input.
 */
class ConvertHandlerTest {

    @Test
    void anS3OutageLeavesFunqysWrapperAsItself() {
        StorageUnavailableException outage = new StorageUnavailableException("s3://in/a.zip: S3 kept failing", null);

        assertSame(outage, ConvertHandler.unwrapped(new ApplicationException(outage)));
    }

    @Test
    void aFailedConversionLeavesFunqysWrapperAsItself() {
        ConversionFailedException failed = new ConversionFailedException("s3://in/a.zip: corrupt archive", null);

        assertSame(failed, ConvertHandler.unwrapped(new ApplicationException(failed)));
    }

    @Test
    void anythingElseStaysWrapped() {
        ApplicationException other = new ApplicationException(new IllegalStateException("a bug"));

        assertSame(other, ConvertHandler.unwrapped(other));
    }
}
