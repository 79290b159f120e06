package org.labelbridge.function;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda function: converts the archives an S3 event or a payload names, and answers
 * with where the results went (the work is {@link FunctionInvocation}'s, shared with
 * {@code ./labelbridge serve}). Any failure fails the invocation with a message naming the
 * input, so that S3's retries, a failure destination or Step Functions' Catch see it.
 */
public class ConvertFunction {

    @Inject
    S3Client s3;

    @Inject
    FunctionConfig config;

    @Funq("convert")
    public ConvertResult convert(ConvertInput input) {
        return FunctionInvocation.of(s3, config.function(), config.outputBucket(), config.workDir()).run(input);
    }
}
