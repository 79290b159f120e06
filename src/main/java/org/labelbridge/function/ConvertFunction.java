package org.labelbridge.function;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda function: converts the archives an S3 event or a payload names, and answers
 * with where the results went. Any failure fails the invocation with a message naming the
 * input, so that S3's retries, a failure destination or Step Functions' Catch see it.
 */
public class ConvertFunction {

    private static final Logger LOG = Logger.getLogger(ConvertFunction.class);

    @Inject
    S3Client s3;

    @Inject
    FunctionConfig config;

    @Funq("convert")
    public ConvertResult convert(ConvertInput input) {
        List<ConversionJob> jobs;
        try {
            jobs = new JobPlanner(config.function(), config.outputBucket()).plan(input);
        } catch (RuntimeException e) {
            throw new ConversionFailedException(e.getMessage(), e);
        }
        S3Converter converter = new S3Converter(s3, config.workDir());
        List<ConversionSummary> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ConversionFailedException first = null;
        // Every record gets its chance; the invocation fails if any failed (the runtime logs it).
        for (ConversionJob job : jobs) {
            try {
                ConversionSummary summary = converter.run(job);
                LOG.infof("%s -> %s (%d items, %d of %d annotations, %d changes)", job.input(), job.output(),
                        summary.itemsOut(), summary.annotationsOut(), summary.annotationsIn(), summary.changes());
                done.add(summary);
            } catch (Exception e) {
                String message = job.input() + ": conversion " + job.from() + " -> " + job.to() + " failed, no output"
                        + " written: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                failures.add(message);
                first = first == null ? new ConversionFailedException(message, e) : first;
            }
        }
        if (first != null) {
            throw failures.size() == 1 ? first
                    : new ConversionFailedException(failures.size() + " of " + jobs.size() + " conversions failed ("
                            + done.size() + " written): " + String.join("; ", failures), first);
        }
        return ConvertResult.of(done);
    }
}
