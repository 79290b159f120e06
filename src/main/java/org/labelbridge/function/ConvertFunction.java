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
 * with where the results went. Any failure fails the invocation with a message naming the
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

    @Funq("convert")
    public ConvertResult convert(ConvertInput input) {
        List<ConversionJob> jobs;
        try {
            jobs = new JobPlanner(config.function(), config.outputBucket()).plan(input);
        } catch (RuntimeException e) {
            throw new ConversionFailedException(e.getMessage(), e);
        }
        S3Converter converter = converter();
        List<ConversionSummary> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        boolean allTransient = true;
        // Every record gets its chance; the invocation fails if any failed (the runtime logs it).
        for (ConversionJob job : jobs) {
            try {
                ConversionSummary summary = converter.run(job);
                LOG.infof("%s -> %s (%d items, %d of %d annotations, %d changes)", job.input(), job.output(),
                        summary.itemsOut(), summary.annotationsOut(), summary.annotationsIn(), summary.changes());
                done.add(summary);
            } catch (Exception e) {
                boolean transientFailure = e instanceof StorageUnavailableException;
                allTransient &= transientFailure;
                String message = job.input() + ": conversion " + job.from() + " -> " + job.to() + " failed, no output"
                        + " written (error report " + job.errorReport() + "): "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                failures.add(message);
                if (first == null) {
                    first = transientFailure ? new StorageUnavailableException(message, e)
                            : new ConversionFailedException(message, e);
                }
            }
        }
        if (first != null) {
            if (failures.size() == 1) {
                throw first;
            }
            String message = failures.size() + " of " + jobs.size() + " conversions failed (" + done.size()
                    + " written): " + String.join("; ", failures);
            // Worth retrying only when every failure was S3's, not the input's.
            throw allTransient ? new StorageUnavailableException(message, first)
                    : new ConversionFailedException(message, first);
        }
        return ConvertResult.of(done);
    }
}
