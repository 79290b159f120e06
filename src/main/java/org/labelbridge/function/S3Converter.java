package org.labelbridge.function;

import software.amazon.awssdk.services.s3.S3Client;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.insight.ReportPage;

/**
 * Runs one {@link ConversionJob} against S3: downloads the input into a private work folder,
 * converts it there, uploads the zip, its preview ({@code .preview.png}, when option preview
 * is above 0) and its page ({@code .report.html}), then its report, and deletes the folder
 * whatever happens. After a run the destination holds either the zip and its report (which names the
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
    private final long localSpaceBytes;
    private final ArchiveLimits limits;

    /**
     * @param localSpaceBytes what the work folder may hold: the input and the output must both
     *                        fit, so an input may take half of it
     * @param reportTagging   the tag set ({@code key=value}) reports carry, or null for none
     */
    S3Converter(S3Transfers transfers, Path workRoot, long localSpaceBytes, ArchiveLimits limits, String reportTagging) {
        this.transfers = transfers;
        this.reportTagging = reportTagging;
        this.workRoot = workRoot;
        this.localSpaceBytes = localSpaceBytes;
        this.limits = limits;
    }

    /**
     * A converter with the default retries, part size and limits (from the environment) and no
     * report tag: for local bucket mode, whose S3 server (S3Proxy) implements no object tagging.
     */
    static S3Converter standard(S3Client s3, Path workRoot) throws IOException {
        Files.createDirectories(workRoot);
        return new S3Converter(new S3Transfers(s3, new S3Retry(4, Duration.ofMillis(200), Duration.ofSeconds(10)),
                16L << 20), workRoot, Files.getFileStore(workRoot).getTotalSpace(),
                ArchiveLimits.fromEnvironment(System.getenv()), null);
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
        Path input = Files.createDirectory(work.resolve("input")).resolve(localName(job.input().fileName()));
        long maxInput = Math.min(localSpaceBytes, Files.getFileStore(workRoot).getUsableSpace()) / 2;
        transfers.download(job.input(), input, maxInput, "the input and its converted output must both fit in the "
                + S3Transfers.size(localSpaceBytes) + " of local space (" + FunctionConfig.LOCAL_SPACE_SETTING
                + "; the function's ephemeral storage): give the function more, or split the dataset");
        long bytesIn = Files.size(input);
        listener.stage("download", millisSince(stage), Map.of("bytes_in", bytesIn));
        Path output = work.resolve("output.zip");
        ConversionResult result = Converter.convert(
                new ConversionRequest(input, job.from(), job.to(), job.options(), output), listener, limits);
        Path report = work.resolve("report.json");
        Map<String, Object> reportMap = reportOf(job, result, output);
        JSON.writeValue(report.toFile(), reportMap);
        Path preview = null;
        if (result.preview() != null && result.preview().error() == null) {
            preview = Files.write(work.resolve("preview.png"), result.preview().png());
        }
        Path page = work.resolve("report.html");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(page))) {
            ReportPage.write(reportMap, result.preview(), out);
        }
        stage = System.nanoTime();
        transfers.upload(output, job.output(), "application/zip", null);
        if (preview != null) {
            transfers.upload(preview, job.preview(), "image/png", reportTagging);
        }
        transfers.upload(page, job.page(), "text/html; charset=utf-8", reportTagging);
        transfers.upload(report, job.report(), "application/json", reportTagging);
        try {
            transfers.delete(job.errorReport());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("converted, but could not delete the error report %s of an earlier run: %s", job.errorReport(),
                    S3Retry.describe(e));
        }
        long bytesOut = Files.size(output);
        Map<String, Object> uploaded = new LinkedHashMap<>();
        uploaded.put("bytes_out", bytesOut);
        uploaded.put("report_bytes", Files.size(report));
        listener.stage("upload", millisSince(stage), uploaded);
        return ConversionSummary.of(job, result, bytesIn, bytesOut, millisSince(started));
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** The report the CLI writes, plus where the input came from and where the output went, and its digest. */
    private static Map<String, Object> reportOf(ConversionJob job, ConversionResult result, Path output)
            throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", job.input().toString());
        report.put("output", job.output().toString());
        report.put("output_bytes", Files.size(output));
        report.put("output_sha256", sha256(output));
        report.put("page", job.page().toString());
        if (result.preview() != null && result.preview().error() == null) {
            report.put("preview_image", job.preview().toString());
        }
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

    /** Downloads under the object's own file name: the converter reads the extension of a bare file. */
    static String localName(String fileName) {
        boolean safe = !fileName.isEmpty() && !fileName.equals(".") && !fileName.equals("..")
                && fileName.getBytes(StandardCharsets.UTF_8).length <= 200
                && fileName.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        if (safe) {
            return fileName;
        }
        return "input" + OutputNames.archiveExtension(fileName);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
