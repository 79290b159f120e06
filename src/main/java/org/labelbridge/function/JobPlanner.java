package org.labelbridge.function;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;

/**
 * Turns one invocation into conversion jobs. An S3 event gives one job per created object,
 * with the deployment's pair and options; a payload gives one job with its own pair (the
 * deployment's where it names none) and its options over the pair's descriptor defaults.
 * Everything that can be refused without downloading is refused here.
 */
final class JobPlanner {

    private final Optional<String> deployedFunction;
    private final Optional<String> outputBucket;

    JobPlanner(Optional<String> deployedFunction, Optional<String> outputBucket) {
        this.deployedFunction = deployedFunction.filter(s -> !s.isBlank());
        this.outputBucket = outputBucket.filter(s -> !s.isBlank());
    }

    List<ConversionJob> plan(ConvertInput input) {
        if (input == null) {
            throw new IllegalArgumentException("empty invocation: expected an S3 event (Records) or a payload with 'source'");
        }
        if (input.isS3Event()) {
            if (input.source() != null) {
                throw new IllegalArgumentException("invocation has both S3 event Records and a payload 'source'; send one");
            }
            return fromEvent(input.records());
        }
        if (!input.otherFields().isEmpty()) {
            throw new IllegalArgumentException("payload has unknown field(s) " + input.otherFields().keySet()
                    + "; known: " + String.join(", ", ConvertInput.PAYLOAD_FIELDS));
        }
        if (input.source() == null) {
            throw new IllegalArgumentException("payload needs 'source' (s3://bucket/key of the archive to convert)");
        }
        return List.of(fromPayload(input));
    }

    private List<ConversionJob> fromEvent(List<S3EventRecord> records) {
        FunctionDescriptor descriptor = deployedDescriptor()
                .orElseThrow(() -> new IllegalStateException("an S3 event needs the deployment's function:"
                        + " set LABELBRIDGE_FUNCTION to <from>-to-<to>"));
        S3Uri folder = new S3Uri(requireOutputBucket(), descriptor.name() + "/");
        List<ConversionJob> jobs = new ArrayList<>();
        for (S3EventRecord record : records) {
            if (!record.isObjectCreated()) {
                continue;
            }
            S3Uri object = record.object();
            if (object.key().endsWith("/")) {
                continue; // a "folder" created in the console, not an archive
            }
            jobs.add(job(object, descriptor.from(), descriptor.to(), descriptor.options(), Map.of(), folder, null));
        }
        return jobs;
    }

    private ConversionJob fromPayload(ConvertInput payload) {
        S3Uri source = S3Uri.parse(payload.source(), "'source'");
        if (source.key().isEmpty() || source.key().endsWith("/")) {
            throw new IllegalArgumentException("'source' must name an object, not a bucket or folder: " + source);
        }
        Optional<FunctionDescriptor> deployed = deployedDescriptor();
        String from = payload.from() != null ? payload.from()
                : deployed.map(FunctionDescriptor::from).orElse(ConversionRequest.AUTO);
        String to = payload.to() != null ? payload.to() : deployed.map(FunctionDescriptor::to)
                .orElseThrow(() -> new IllegalArgumentException("payload needs 'to' (a target format id)"));
        String name = FunctionNames.of(from, to);
        Map<String, Object> defaults = bundledDescriptor(name).map(FunctionDescriptor::options).orElse(Map.of());
        S3Uri folder = payload.destination() != null
                ? S3Uri.parse(payload.destination(), "'destination'").asFolder()
                : new S3Uri(requireOutputBucket(), name + "/");
        return job(source, from, to, defaults, payload.options() == null ? Map.of() : payload.options(), folder,
                payload.sourcePrefix());
    }

    private static ConversionJob job(S3Uri input, String from, String to, Map<String, Object> defaults,
                                     Map<String, Object> overrides, S3Uri folder, String sourcePrefix) {
        try {
            requireFormats(from, to);
            Map<String, Object> withPreview = new java.util.LinkedHashMap<>();
            withPreview.put(ConversionOptions.PREVIEW.name(), ConversionOptions.PREVIEW_IN_FUNCTION);
            withPreview.putAll(defaults);
            ConversionOptions options = ConversionOptions.merged(withPreview, overrides);
            String base = sourcePrefix == null ? OutputNames.baseName(input) : OutputNames.baseName(input, sourcePrefix);
            S3Uri output = folder.resolve(base + ".zip");
            S3Uri report = folder.resolve(base + ".report.json");
            S3Uri errorReport = folder.resolve(base + ".error.json");
            TriggerLoopGuard.check(input, output);
            TriggerLoopGuard.check(input, report);
            TriggerLoopGuard.check(input, errorReport);
            ConversionJob job = new ConversionJob(input, from, to, options, output, report, errorReport);
            TriggerLoopGuard.check(input, job.preview());
            TriggerLoopGuard.check(input, job.page());
            return job;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(input + ": " + e.getMessage(), e);
        }
    }

    /** A pair no format can serve is refused here, before anything is downloaded or written. */
    private static void requireFormats(String from, String to) {
        try {
            if (!Formats.require(to).descriptor().canWrite()) {
                throw new IllegalArgumentException("format '" + to + "' can be read but not written");
            }
            if (!ConversionRequest.AUTO.equals(from) && !Formats.require(from).descriptor().canRead()) {
                throw new IllegalArgumentException("format '" + from + "' cannot be read");
            }
        } catch (FormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Optional<FunctionDescriptor> deployedDescriptor() {
        if (deployedFunction.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FunctionDescriptor.load(deployedFunction.get()));
        } catch (IOException e) {
            throw new IllegalStateException("LABELBRIDGE_FUNCTION=" + deployedFunction.get() + ": " + e.getMessage(), e);
        }
    }

    private static Optional<FunctionDescriptor> bundledDescriptor(String name) {
        try {
            return FunctionDescriptor.find(name);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String requireOutputBucket() {
        return outputBucket.orElseThrow(() -> new IllegalStateException(
                "no output bucket: set LABELBRIDGE_OUTPUT_BUCKET, or give the payload a 'destination'"));
    }
}
