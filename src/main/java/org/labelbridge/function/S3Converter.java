package org.labelbridge.function;

import software.amazon.awssdk.services.s3.S3Client;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.insight.PreviewSheet;
import org.labelbridge.insight.ReportPage;

/**
 * Runs one {@link ConversionJob} against S3: reads the input where it lies ({@link S3ObjectBytes},
 * ranged GETs: a zip's directory, then its entries; a tar indexed in one pass, then its entries;
 * a tar.gz inflated in one pass into a temporary object beside the output, {@link #scratchFor},
 * read the same way and deleted whatever happens), writes the zip as a multipart upload while
 * it is converted ({@link S3UploadChannel}), then its preview (when option {@code preview} is
 * above 0: the zip read back in place, only its annotation files and the images drawn; the
 * {@code preview} stage's counts add what that read cost: {@code get_requests}, {@code bytes_asked},
 * {@code bytes_read}) and its page ({@code .report.html}), then its report. The private work folder
 * holds only what the target writes last (spooled, deflated), never an image or the archive, and
 * is deleted whatever happens. After a run the destination holds either the zip and its report (which names the
 * zip's size and SHA-256) or, when the run failed, only an error report: the zip and report of
 * the failed run, or of an earlier one, are deleted, and an error report of an earlier failure
 * is deleted by a success. The report goes up last, so a report is never there without its zip.
 */
final class S3Converter {

    private static final Logger LOG = Logger.getLogger(S3Converter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Reports carry this tag by default, so that a lifecycle rule can expire them (see infra/). */
    static final String REPORT_TAGGING = FunctionConfig.REPORT_TAGGING;

    private final S3Transfers transfers;
    private final String reportTagging;
    private final Path workRoot;
    private final ArchiveLimits limits;

    /**
     * @param reportTagging the tag set ({@code key=value}) reports carry, or null for none (scratch
     *                      objects then carry none either)
     */
    S3Converter(S3Transfers transfers, Path workRoot, ArchiveLimits limits, String reportTagging) {
        this.transfers = transfers;
        this.reportTagging = reportTagging;
        this.workRoot = workRoot;
        this.limits = limits;
    }

    /** The longest wait between two attempts of one S3 request. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /**
     * A converter with the deployment's settings (work folder, retries, parts, report tags) and the archive limits from the environment: the Lambda's and {@code serve}'s.
     */
    static S3Converter of(S3Client s3, FunctionConfig config) throws IOException {
        Path workDir = config.workDir();
        Files.createDirectories(workDir);
        S3Retry retry = new S3Retry(config.s3Attempts(), Duration.ofMillis(config.s3BackoffMs()), MAX_BACKOFF);
        String tagging = config.reportTagging().isBlank() || config.reportTagging().equals("none") ? null
                : config.reportTagging();
        S3Transfers transfers = new S3Transfers(s3, retry, (long) config.uploadPartMb() << 20,
                Math.max(1, config.uploadParallelParts()));
        return new S3Converter(transfers, workDir, ArchiveLimits.fromEnvironment(System.getenv()), tagging);
    }

    ConversionSummary run(ConversionJob job) throws IOException {
        return run(job, ConversionListener.NONE);
    }

    /** Runs the job, telling the listener the converter's stages and its own: download, upload. */
    ConversionSummary run(ConversionJob job, ConversionListener listener) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "labelbridge-");
        try {
            return convert(job, work, listener, started);
        } catch (IOException | RuntimeException e) {
            undo(job, e);
            throw e;
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                LOG.warnf("could not delete the work folder %s: %s", work, e.getMessage());
            }
        }
    }

    private ConversionSummary convert(ConversionJob job, Path work, ConversionListener listener, long started)
            throws IOException {
        long stage = System.nanoTime();
        S3ObjectBytes input = transfers.openInput(job.input(), localName(job.input().fileName()), work,
                scratchFor(job), reportTagging == null ? null : FunctionConfig.SCRATCH_TAGGING);
        long bytesIn = input.size();
        listener.stage("open", millisSince(stage), Map.of("bytes_in", bytesIn));
        stage = System.nanoTime();
        S3UploadChannel output = transfers.uploadTo(job.output(), "application/zip", null);
        ConversionResult result = Converter.convert(input, job.from(), job.to(), job.options(), output, listener,
                limits);
        long bytesOut = output.size();
        PreviewSheet preview = null;
        if (result.options().preview() > 0) {
            S3ObjectBytes written = transfers.open(job.output(), "output.zip", work);
            preview = Converter.preview(written, result, withReadCost(listener, "preview", written));
        }
        Path report = work.resolve("report.json");
        Map<String, Object> reportMap = reportOf(job, result, bytesOut, output.sha256());
        if (preview != null) {
            reportMap.put("preview", preview.toMap());
            if (preview.error() == null) {
                reportMap.put("preview_image", job.preview().toString());
                transfers.upload(Files.write(work.resolve("preview.png"), preview.png()), job.preview(), "image/png",
                        reportTagging);
            }
        }
        reportMap.put("page", job.page().toString());
        JSON.writeValue(report.toFile(), reportMap);
        Path page = work.resolve("report.html");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(page))) {
            ReportPage.write(reportMap, preview, out);
        }
        transfers.upload(page, job.page(), "text/html; charset=utf-8", reportTagging);
        transfers.upload(report, job.report(), "application/json", reportTagging);
        try {
            transfers.delete(job.errorReport());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("converted, but could not delete the error report %s of an earlier run: %s", job.errorReport(),
                    S3Retry.describe(e));
        }
        Map<String, Object> uploaded = new LinkedHashMap<>();
        uploaded.put("bytes_out", bytesOut);
        uploaded.put("report_bytes", Files.size(report));
        listener.stage("upload", millisSince(stage), uploaded);
        return ConversionSummary.of(job, result, bytesIn, bytesOut, millisSince(started));
    }

    /**
     * Where a tar.gz input is inflated to be read in place: a temporary object beside the output
     * (the function may write there; its local space is small), named so, and unique to the run.
     */
    static S3Uri scratchFor(ConversionJob job) {
        return new S3Uri(job.output().bucket(), job.output().key() + ".scratch-"
                + java.util.UUID.randomUUID().toString().substring(0, 8) + ".tar");
    }

    /** The listener, told with stage {@code stage} what reading {@code bytes} cost so far: GETs and bytes. */
    private static ConversionListener withReadCost(ConversionListener listener, String stage, S3ObjectBytes bytes) {
        return new ConversionListener() {
            @Override
            public void stage(String name, long millis, Map<String, Object> counts) {
                Map<String, Object> more = counts;
                if (name.equals(stage)) {
                    more = new LinkedHashMap<>(counts);
                    more.put("get_requests", bytes.requests());
                    more.put("bytes_asked", bytes.bytesAsked());
                    more.put("bytes_read", bytes.bytesRead());
                }
                listener.stage(name, millis, more);
            }

            @Override
            public void progress(Progress progress) {
                listener.progress(progress);
            }

            @Override
            public long progressIntervalMillis() {
                return listener.progressIntervalMillis();
            }
        };
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** The report the CLI writes, plus where the input came from and where the output went, and its digest. */
    private static Map<String, Object> reportOf(ConversionJob job, ConversionResult result, long outputBytes,
                                                String outputSha256) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", job.input().toString());
        report.put("output", job.output().toString());
        report.put("output_bytes", outputBytes);
        report.put("output_sha256", outputSha256);
        report.putAll(result.toMap());
        return report;
    }

    /**
     * After a failure: takes away the zip and report (so that none is left without the other,
     * nor left to describe an input that now fails), and writes the error report. Each step is
     * tried on its own; what fails is logged and kept with the failure.
     */
    private void undo(ConversionJob job, Exception failure) {
        for (S3Uri stale : new S3Uri[] {job.report(), job.page(), job.preview(), job.output()}) {
            try {
                transfers.delete(stale);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("could not delete %s after a failed conversion: %s", stale, S3Retry.describe(e));
                failure.addSuppressed(e);
            }
        }
        Path errorReport = null;
        try {
            errorReport = Files.createTempFile(workRoot, "error-", ".json");
            JSON.writeValue(errorReport.toFile(), errorReportOf(job, failure));
            transfers.upload(errorReport, job.errorReport(), "application/json", reportTagging);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("could not write the error report %s: %s", job.errorReport(), S3Retry.describe(e));
            failure.addSuppressed(e);
        } finally {
            if (errorReport != null) {
                try {
                    Files.deleteIfExists(errorReport);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", errorReport, e.getMessage());
                }
            }
        }
    }

    static Map<String, Object> errorReportOf(ConversionJob job, Exception failure) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("status", "failed");
        report.put("input", job.input().toString());
        report.put("from", job.from());
        report.put("to", job.to());
        report.put("options", job.options().toMap());
        boolean transientFailure = failure instanceof StorageUnavailableException;
        report.put("error", transientFailure ? "storage_unavailable" : "conversion_failed");
        report.put("retryable", transientFailure);
        report.put("message", S3Retry.describe(failure));
        report.put("not_written", java.util.List.of(job.output().toString(), job.report().toString(),
                job.page().toString(), job.preview().toString()));
        return report;
    }

    /** The input goes by the object's own file name: the converter reads the extension of a bare file. */
    static String localName(String fileName) {
        boolean safe = !fileName.isEmpty() && !fileName.equals(".") && !fileName.equals("..")
                && fileName.getBytes(StandardCharsets.UTF_8).length <= 200
                && fileName.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (safe) {
            return fileName;
        }
        return "input" + OutputNames.archiveExtension(fileName);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
