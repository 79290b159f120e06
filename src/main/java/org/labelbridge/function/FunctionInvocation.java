package org.labelbridge.function;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One invocation of the function, without Quarkus: plans the jobs an S3 event or a payload
 * asks for, runs each, logs each (see {@link RunLog}) and answers with where the results went.
 * The Lambda ({@link ConvertFunction}) and the local bucket mode ({@code ./labelbridge serve})
 * both run conversions through here, so they behave the same.
 */
public final class FunctionInvocation {

    private final S3Converter converter;
    private final Optional<String> function;
    private final Optional<String> outputBucket;
    private final RunLog log;
    private final ConversionEvents events;

    FunctionInvocation(S3Converter converter, Optional<String> function, Optional<String> outputBucket, RunLog log) {
        this(converter, function, outputBucket, log, ConversionEvents.NONE);
    }

    private FunctionInvocation(S3Converter converter, Optional<String> function, Optional<String> outputBucket,
                               RunLog log, ConversionEvents events) {
        this.converter = converter;
        this.function = function.filter(s -> !s.isBlank());
        this.outputBucket = outputBucket.filter(s -> !s.isBlank());
        this.log = log;
        this.events = events;
    }

    /** The same invocation, putting an event after each conversion (see {@link ConversionEvents}). */
    public FunctionInvocation withEvents(ConversionEvents events) {
        return new FunctionInvocation(converter, function, outputBucket, log, events);
    }

    /** An invocation running its conversions on a configured converter (the Lambda's settings). */
    static FunctionInvocation of(S3Converter converter, Optional<String> function, Optional<String> outputBucket) {
        return new FunctionInvocation(converter, function, outputBucket, RunLog.toStandardOutput());
    }

    /**
     * An invocation as the deployment {@code function} ({@code <from>-to-<to>}) with the
     * deployment's {@code settings}, writing to {@code outputBucket}, logging JSON lines to
     * {@code logs} with progress lines at most every {@code progressMillis}: what
     * {@code ./labelbridge serve} runs.
     */
    public static FunctionInvocation of(S3Client s3, Optional<String> function, Optional<String> outputBucket,
                                        FunctionConfig settings, PrintStream logs, long progressMillis) {
        S3Converter converter;
        try {
            converter = S3Converter.of(s3, settings);
        } catch (java.io.IOException e) {
            throw new ConversionFailedException("the work folder " + settings.workDir() + " is not usable: "
                    + e.getMessage(), e);
        }
        return new FunctionInvocation(converter, function, outputBucket, new RunLog(logs, Clock.systemUTC(), progressMillis));
    }

    /**
     * The function a key triggers: the descriptor named by the key's first folder
     * ({@code coco-to-yolo/} for {@code coco-to-yolo/a/set.zip}), if functions/ has it.
     */
    public static Optional<String> triggeredFunction(String key) {
        Optional<String> prefix = FunctionNames.triggerPrefixOf(key);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String name = prefix.get().substring(0, prefix.get().length() - 1);
        try {
            return FunctionDescriptor.find(name).map(FunctionDescriptor::name);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Where the invocation would write its reports; nothing is run (a refused input is an error). */
    public List<S3Uri> plannedReports(ConvertInput input) {
        return new JobPlanner(function, outputBucket).plan(input).stream().map(ConversionJob::report).toList();
    }

    /**
     * Converts what the input names. Throws {@link ConversionFailedException}, naming each
     * failed input, when the input is refused or any conversion failed (the others' results
     * stay written).
     */
    public ConvertResult run(ConvertInput input) {
        List<ConversionJob> jobs;
        try {
            jobs = new JobPlanner(function, outputBucket).plan(input);
        } catch (RuntimeException e) {
            throw new ConversionFailedException(e.getMessage(), e);
        }
        List<ConversionSummary> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        boolean allTransient = true;
        // Every record gets its chance; the invocation fails if any failed (the runtime logs it).
        for (ConversionJob job : jobs) {
            String name = function.orElse(FunctionNames.of(job.from(), job.to()));
            long started = System.nanoTime();
            try {
                ConversionSummary summary = converter.run(job, log.listener(job, name));
                log.converted(job, name, summary);
                done.add(summary);
                events.converted(job, name, summary);
            } catch (Exception e) {
                boolean transientFailure = e instanceof StorageUnavailableException;
                allTransient &= transientFailure;
                String message = job.input() + ": conversion " + job.from() + " -> " + job.to() + " failed, no output"
                        + " written (error report " + job.errorReport() + "): "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                log.failed(job, name, message, (System.nanoTime() - started) / 1_000_000);
                failures.add(message);
                events.failed(job, name, message, transientFailure);
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
