package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.testing.Corpus;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The order of S3 calls around one conversion, with an S3 client that records them and can
 * be told to fail: the zip goes up first, then its page (and preview, when asked), its report
 * last; a success removes an error report of an earlier run, and a failure removes report,
 * page, preview and zip and leaves an error report instead.
 * (What the objects hold is ConvertFunctionS3Test's job; real faults are S3FaultTest's.)
 */
class S3ConverterTest {

    @TempDir
    Path work;

    private final List<String> calls = new ArrayList<>();

    @Test
    void uploadsTheZipThenTheReportThenRemovesAnEarlierErrorReport() throws IOException {
        ConversionSummary summary = converter(s3(cocoSample(), null, 403)).run(job());

        assertEquals(List.of("head in/coco-to-yolo/set.zip", "get in/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.zip",
                "put out/coco-to-yolo/set.report.html [labelbridge-kind=report]",
                "put out/coco-to-yolo/set.report.json [labelbridge-kind=report]", "delete out/coco-to-yolo/set.error.json"),
                calls, "the report and its page carry the tag the lifecycle rule expires; the zip none");
        assertEquals("s3://out/coco-to-yolo/set.zip", summary.output());
        assertWorkFolderEmpty();
    }

    @Test
    void aZipWhoseReportCannotFollowIsDeletedAgainAndAnErrorReportWritten() throws IOException {
        S3Converter converter = converter(s3(cocoSample(), ".report.json", 403));

        S3Exception e = assertThrows(S3Exception.class, () -> converter.run(job()));

        assertEquals(List.of("head in/coco-to-yolo/set.zip", "get in/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.zip",
                "put out/coco-to-yolo/set.report.html [labelbridge-kind=report]",
                "put out/coco-to-yolo/set.report.json (failed 403)", "delete out/coco-to-yolo/set.report.json",
                "delete out/coco-to-yolo/set.report.html", "delete out/coco-to-yolo/set.preview.png",
                "delete out/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.error.json [labelbridge-kind=report]"), calls);
        assertTrue(S3Retry.describe(e).contains("injected"), S3Retry.describe(e));
        assertWorkFolderEmpty();
    }

    @Test
    void aReportThatKeepsFailingTransientlyIsRetriedThenUndone() throws IOException {
        S3Converter converter = converter(s3(cocoSample(), ".report.json", 503));

        StorageUnavailableException e = assertThrows(StorageUnavailableException.class, () -> converter.run(job()));

        assertEquals(List.of("head in/coco-to-yolo/set.zip", "get in/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.zip",
                "put out/coco-to-yolo/set.report.html [labelbridge-kind=report]",
                "put out/coco-to-yolo/set.report.json (failed 503)", "put out/coco-to-yolo/set.report.json (failed 503)",
                "put out/coco-to-yolo/set.report.json (failed 503)", "delete out/coco-to-yolo/set.report.json",
                "delete out/coco-to-yolo/set.report.html", "delete out/coco-to-yolo/set.preview.png",
                "delete out/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.error.json [labelbridge-kind=report]"), calls);
        assertTrue(e.getMessage().startsWith("upload s3://out/coco-to-yolo/set.report.json: S3 kept failing, 3 attempts:"
                + " HTTP 503"), e.getMessage());
        assertWorkFolderEmpty();
    }

    @Test
    void aFailedConversionUploadsOnlyItsErrorReport() throws IOException {
        S3Converter converter = converter(s3("not a zip".getBytes(), null, 403));

        IOException e = assertThrows(IOException.class, () -> converter.run(job()));

        assertEquals(List.of("head in/coco-to-yolo/set.zip", "get in/coco-to-yolo/set.zip", "delete out/coco-to-yolo/set.report.json",
                "delete out/coco-to-yolo/set.report.html", "delete out/coco-to-yolo/set.preview.png",
                "delete out/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.error.json [labelbridge-kind=report]"), calls);
        assertTrue(e.getMessage().contains("corrupt archive"), e.getMessage());
        assertWorkFolderEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------

    private S3Converter converter(S3Client s3) {
        return new S3Converter(new S3Transfers(s3, new S3Retry(3, Duration.ZERO, Duration.ZERO), 64 << 20, 4), work,
                ArchiveLimits.DEFAULTS, S3Converter.REPORT_TAGGING);
    }

    private static ConversionJob job() {
        return new ConversionJob(new S3Uri("in", "coco-to-yolo/set.zip"), "coco", "yolo", ConversionOptions.DEFAULTS,
                new S3Uri("out", "coco-to-yolo/set.zip"), new S3Uri("out", "coco-to-yolo/set.report.json"),
                new S3Uri("out", "coco-to-yolo/set.error.json"));
    }

    private void assertWorkFolderEmpty() throws IOException {
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList());
        }
    }

    private static byte[] cocoSample() throws IOException {
        Path zip = Files.createTempFile("coco-sample", ".zip");
        try {
            Path root = Corpus.path("coco_1.0/coco_instances");
            try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new java.util.zip.ZipEntry(root.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return Files.readAllBytes(zip);
        } finally {
            Files.delete(zip);
        }
    }

    /**
     * An S3 client serving {@code object} for every head and (ranged) get and recording calls
     * (the gets of one object in a row as one); a put whose key ends with {@code failPutSuffix}
     * fails with {@code failStatus}. The SDK's convenience overloads are default methods that
     * end in the ones handled here.
     */
    private S3Client s3(byte[] object, String failPutSuffix, int failStatus) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("headObject") && args.length == 1 && args[0] instanceof HeadObjectRequest r) {
                calls.add("head " + r.bucket() + "/" + r.key());
                return HeadObjectResponse.builder().contentLength((long) object.length).eTag("\"e\"").build();
            }
            if (method.getName().equals("getObject") && args.length == 2 && args[0] instanceof GetObjectRequest r
                    && args[1] instanceof ResponseTransformer<?, ?> t) {
                String call = "get " + r.bucket() + "/" + r.key();
                if (!calls.get(calls.size() - 1).equals(call)) {
                    calls.add(call);
                }
                String[] range = r.range().substring("bytes=".length()).split("-");
                int from = Integer.parseInt(range[0]);
                int to = Math.min(object.length - 1, Integer.parseInt(range[1]));
                @SuppressWarnings("unchecked")
                ResponseTransformer<GetObjectResponse, Object> transformer = (ResponseTransformer<GetObjectResponse, Object>) t;
                InputStream in = new ByteArrayInputStream(object, from, to - from + 1);
                return transformer.transform(GetObjectResponse.builder().contentLength((long) to - from + 1).build(),
                        AbortableInputStream.create(in));
            }
            if (method.getName().equals("putObject") && args.length == 2 && args[0] instanceof PutObjectRequest r
                    && args[1] instanceof RequestBody) {
                if (failPutSuffix != null && r.key().endsWith(failPutSuffix)) {
                    calls.add("put " + r.bucket() + "/" + r.key() + " (failed " + failStatus + ")");
                    throw S3Exception.builder().message("injected failure").statusCode(failStatus).build();
                }
                calls.add("put " + r.bucket() + "/" + r.key() + (r.tagging() == null ? "" : " [" + r.tagging() + "]"));
                return PutObjectResponse.builder().build();
            }
            if (method.getName().equals("deleteObject") && args.length == 1 && args[0] instanceof DeleteObjectRequest r) {
                calls.add("delete " + r.bucket() + "/" + r.key());
                return DeleteObjectResponse.builder().build();
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            throw new UnsupportedOperationException(method.toString());
        };
        return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class}, handler);
    }
}
