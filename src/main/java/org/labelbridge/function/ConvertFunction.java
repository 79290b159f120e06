package org.labelbridge.function;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.io.IOException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda function: converts the archives an S3 event or a payload names, and answers
 * with where the results went (the work is {@link FunctionInvocation}'s, shared with
 * {@code ./labelbridge serve}). Any failure fails the invocation with a message naming the
 * input, so that S3's retries, a failure destination or Step Functions' Catch see it: a
 * {@link StorageUnavailableException} when S3 kept failing (worth retrying later), else a
 * {@link ConversionFailedException} (the input or the request is at fault).
 */
public class ConvertFunction {

    @Inject
    S3Client s3;

    @Inject
    FunctionConfig config;

    @Inject
    EventsConfig eventsConfig;

    private ConversionEvents events;

    private S3Converter converter() {
        try {
            return S3Converter.of(s3, config);
        } catch (IOException | RuntimeException e) {
            throw new ConversionFailedException("the function is misconfigured: " + e.getMessage(), e);
        }
    }

    /** Events on the configured bus, with the S3 client's credentials and region; none unless configured. */
    private synchronized ConversionEvents events() {
        if (events == null) {
            events = ConversionEvents.disabled(eventsConfig.bus()) ? ConversionEvents.NONE
                    : new ConversionEvents(AwsJsonApi.eventBridge(s3.serviceClientConfiguration().region(),
                            eventsConfig.endpoint(), s3.serviceClientConfiguration().credentialsProvider()),
                            eventsConfig.bus());
        }
        return events;
    }

    @Funq("convert")
    public ConvertResult convert(ConvertInput input) {
        return FunctionInvocation.of(converter(), config.function(), config.outputBucket()).withEvents(events())
                .run(input);
    }
}
