package org.labelbridge.function;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.labelbridge.archive.ArchiveLimits;
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

    private static final Logger LOG = Logger.getLogger(ConvertFunction.class);
    /** The longest wait between two attempts of one S3 transfer. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    S3Client s3;

    @Inject
    FunctionConfig config;

    @Inject
    EventsConfig eventsConfig;

    private ConversionEvents events;

    private S3Converter converter() {
        try {
            Path workDir = config.workDir();
            Files.createDirectories(workDir);
            long localSpace = config.localSpaceMb().isPresent() ? config.localSpaceMb().getAsLong() << 20
                    : Files.getFileStore(workDir).getTotalSpace();
            S3Retry retry = new S3Retry(config.s3Attempts(), Duration.ofMillis(config.s3BackoffMs()), MAX_BACKOFF);
            long partBytes = Math.max(S3Transfers.MIN_PART_BYTES, (long) config.uploadPartMb() << 20);
            String tagging = config.reportTagging().isBlank() || config.reportTagging().equals("none") ? null
                    : config.reportTagging();
            return new S3Converter(new S3Transfers(s3, retry, partBytes), workDir, localSpace,
                    ArchiveLimits.fromEnvironment(System.getenv()), tagging);
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
