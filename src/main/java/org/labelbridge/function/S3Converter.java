package org.labelbridge.function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.labelbridge.convert.ConversionListener;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs one {@link ConversionJob} against S3: downloads the input into a private work folder,
 * converts it there, uploads the zip and its report, and deletes the folder whatever happens.
 * Nothing is uploaded unless the conversion succeeded and the report is written, and a zip
 * whose report could not be uploaded is deleted again: a failure leaves no output behind.
 */
final class S3Converter {

    private static final Logger LOG = Logger.getLogger(S3Converter.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final S3Client s3;
    private final Path workRoot;

    S3Converter(S3Client s3, Path workRoot) {
        this.s3 = s3;
        this.workRoot = workRoot;
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
            long stage = System.nanoTime();
            Path input = download(job.input(), work);
            long bytesIn = Files.size(input);
            listener.stage("download", millisSince(stage), Map.of("bytes_in", bytesIn));
            Path output = work.resolve("output.zip");
            ConversionResult result = Converter.convert(
                    new ConversionRequest(input, job.from(), job.to(), job.options(), output), listener);
            Path report = work.resolve("report.json");
            JSON.writeValue(report.toFile(), reportOf(job, result));
            stage = System.nanoTime();
            upload(output, job.output(), "application/zip");
            try {
                upload(report, job.report(), "application/json");
            } catch (RuntimeException e) {
                deleteQuietly(job.output(), e);
                throw e;
            }
            long bytesOut = Files.size(output);
            Map<String, Object> uploaded = new LinkedHashMap<>();
            uploaded.put("bytes_out", bytesOut);
            uploaded.put("report_bytes", Files.size(report));
            listener.stage("upload", millisSince(stage), uploaded);
            return ConversionSummary.of(job, result, bytesIn, bytesOut, millisSince(started));
        } finally {
            try {
                deleteTree(work);
            } catch (IOException e) {
                LOG.warnf("could not delete the work folder %s: %s", work, e.getMessage());
            }
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** The report the CLI writes, plus where the input came from and the output went. */
    private static Map<String, Object> reportOf(ConversionJob job, ConversionResult result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("input", job.input().toString());
        report.put("output", job.output().toString());
        report.putAll(result.toMap());
        return report;
    }

    /** Downloads under the object's own file name: the converter reads the extension of a bare file. */
    private Path download(S3Uri uri, Path work) throws IOException {
        Path folder = Files.createDirectory(work.resolve("input"));
        Path file = folder.resolve(localName(uri.fileName()));
        try {
            s3.getObject(b -> b.bucket(uri.bucket()).key(uri.key()), file);
        } catch (NoSuchKeyException e) {
            throw new IOException("no such object");
        } catch (S3Exception e) {
            String why = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            throw new IOException("cannot download: " + why + " (HTTP " + e.statusCode() + ")", e);
        }
        return file;
    }

    /** The key's file name where it is a safe one, else {@code input} with its extension. */
    static String localName(String fileName) {
        boolean safe = !fileName.isEmpty() && !fileName.equals(".") && !fileName.equals("..")
                && fileName.getBytes(StandardCharsets.UTF_8).length <= 200;
        if (safe) {
            return fileName;
        }
        return "input" + OutputNames.archiveExtension(fileName);
    }

    private void upload(Path file, S3Uri uri, String contentType) {
        s3.putObject(b -> b.bucket(uri.bucket()).key(uri.key()).contentType(contentType), RequestBody.fromFile(file));
    }

    private void deleteQuietly(S3Uri uri, Exception failure) {
        try {
            s3.deleteObject(b -> b.bucket(uri.bucket()).key(uri.key()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
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
