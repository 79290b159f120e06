package org.labelbridge.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.labelbridge.function.ConversionFailedException;
import org.labelbridge.function.ConversionSummary;
import org.labelbridge.function.ConvertInput;
import org.labelbridge.function.ConvertResult;
import org.labelbridge.function.FunctionConfig;
import org.labelbridge.function.FunctionInvocation;
import org.labelbridge.function.StorageUnavailableException;
import org.labelbridge.function.S3Uri;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plays S3's event notifications in the local bucket mode. It lists the input bucket every
 * poll and, for each object that has landed under a function's prefix ({@code <from>-to-<to>/},
 * a descriptor of functions/), hands that function the {@code ObjectCreated} event AWS would
 * send, through the Lambda's own code ({@link FunctionInvocation}). An object has landed when
 * its listing (size, ETag, time) is the same on two polls in a row, so a file still being
 * copied into the folder is not read half-written. Each version of an object is converted
 * once; one whose report in the output bucket is newer was converted before a restart.
 */
final class BucketWatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String inputBucket;
    private final String outputBucket;
    private final FunctionConfig settings;
    private final PrintStream logs;
    private final PrintStream messages;
    private final long progressMillis;

    /** Key to its listing on the previous poll. */
    private Map<String, String> previous = Map.of();
    /** Key to the listing that was converted (or failed): each version once. */
    private final Map<String, String> handled = new HashMap<>();
    private final Set<String> unknownPrefixesTold = new HashSet<>();

    BucketWatcher(S3Client s3, String inputBucket, String outputBucket, FunctionConfig settings, PrintStream logs,
                  PrintStream messages, long progressMillis) {
        this.s3 = s3;
        this.inputBucket = inputBucket;
        this.outputBucket = outputBucket;
        this.settings = settings;
        this.logs = logs;
        this.messages = messages;
        this.progressMillis = progressMillis;
    }

    /** One poll: converts every object that has landed since the last; returns how many it handled. */
    int poll() {
        Map<String, S3Object> listed = new LinkedHashMap<>();
        s3.listObjectsV2Paginator(b -> b.bucket(inputBucket)).contents().forEach(o -> listed.put(o.key(), o));
        Map<String, String> now = listed.values().stream()
                .collect(Collectors.toMap(S3Object::key, BucketWatcher::signature, (a, b) -> a, LinkedHashMap::new));
        int handledNow = 0;
        for (S3Object object : listed.values()) {
            String key = object.key();
            String signature = now.get(key);
            if (key.endsWith("/") || signature.equals(handled.get(key)) || !signature.equals(previous.get(key))) {
                continue;
            }
            handled.put(key, signature);
            Optional<String> function = FunctionInvocation.triggeredFunction(key);
            if (function.isEmpty()) {
                tellUnknownPrefix(key);
                continue;
            }
            handledNow += convert(function.get(), object) ? 1 : 0;
        }
        handled.keySet().retainAll(now.keySet());
        previous = now;
        return handledNow;
    }

    private boolean convert(String function, S3Object object) {
        FunctionInvocation invocation = FunctionInvocation.of(s3, Optional.of(function), Optional.of(outputBucket),
                settings, logs, progressMillis);
        ConvertInput event = event(object);
        if (convertedBefore(invocation, event, object)) {
            return false;
        }
        try {
            ConvertResult result = invocation.run(event);
            for (ConversionSummary c : result.conversions()) {
                messages.printf("labelbridge serve: %s -> %s (%s, detected with confidence %d): %d items, %d of %d"
                                + " annotations written, %d changes, %d ms%n", c.input(), c.output(), c.from(),
                        c.detection().confidence(), c.itemsOut(), c.annotationsOut(), c.annotationsIn(), c.changes(),
                        c.durationMs());
            }
        } catch (ConversionFailedException | StorageUnavailableException e) {
            messages.println("labelbridge serve: failed: " + e.getMessage());
        }
        return true;
    }

    /** Whether every report the event would write already exists, newer than the object. */
    private boolean convertedBefore(FunctionInvocation invocation, ConvertInput event, S3Object object) {
        List<S3Uri> reports;
        try {
            reports = invocation.plannedReports(event);
        } catch (RuntimeException e) {
            return false; // the invocation will refuse it and say why
        }
        for (S3Uri report : reports) {
            try {
                Instant written = s3.headObject(b -> b.bucket(report.bucket()).key(report.key())).lastModified();
                if (written.isBefore(object.lastModified())) {
                    return false;
                }
            } catch (NoSuchKeyException e) {
                return false;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
        }
        return !reports.isEmpty();
    }

    /** The ObjectCreated notification AWS sends for the object (key URL-encoded, {@code +} for a space). */
    private ConvertInput event(S3Object object) {
        Map<String, Object> s3Entity = new LinkedHashMap<>();
        s3Entity.put("s3SchemaVersion", "1.0");
        s3Entity.put("configurationId", "labelbridge-serve");
        s3Entity.put("bucket", Map.of("name", inputBucket, "arn", "arn:aws:s3:::" + inputBucket));
        s3Entity.put("object", Map.of("key", encodeKey(object.key()), "size", object.size(),
                "eTag", object.eTag() == null ? "" : object.eTag().replace("\"", "")));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", "us-east-1");
        record.put("eventTime", Instant.now().toString());
        record.put("eventName", "ObjectCreated:Put");
        record.put("s3", s3Entity);
        try {
            String json = JSON.writeValueAsString(Map.of("Records", List.of(record)));
            return JSON.readValue(json, ConvertInput.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the S3 event for " + object.key(), e);
        }
    }

    static String encodeKey(String key) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (encoded.length() > 0 || key.startsWith("/")) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
        }
        return encoded.toString();
    }

    private static String signature(S3Object o) {
        return o.size() + "|" + o.eTag() + "|" + o.lastModified();
    }

    private void tellUnknownPrefix(String key) {
        String prefix = key.contains("/") ? key.substring(0, key.indexOf('/') + 1) : "";
        if (unknownPrefixesTold.add(prefix)) {
            messages.println("labelbridge serve: not converting s3://" + inputBucket + "/" + key + ": "
                    + (prefix.isEmpty() ? "it is not under a function's folder" : "no function '"
                    + prefix.substring(0, prefix.length() - 1) + "' in functions/")
                    + "; put archives under <from>-to-<to>/, e.g. auto-to-yolo/");
        }
    }
}
