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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The order of S3 calls around one conversion, with an S3 client that records them and can
 * be told to fail: the zip goes up only after the report is written, and comes down again
 * when the report cannot follow it. (What the objects hold is ConvertFunctionS3Test's job.)
 */
class S3ConverterTest {

    @TempDir
    Path work;

    private final List<String> calls = new ArrayList<>();

    @Test
    void uploadsTheZipThenTheReport() throws IOException {
        S3Converter converter = new S3Converter(s3(cocoSample(), null), work);

        ConversionSummary summary = converter.run(job());

        assertEquals(List.of("get in/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.zip",
                "put out/coco-to-yolo/set.report.json"), calls);
        assertEquals("s3://out/coco-to-yolo/set.zip", summary.output());
        assertWorkFolderEmpty();
    }

    @Test
    void aZipWhoseReportCannotFollowIsDeletedAgain() throws IOException {
        S3Converter converter = new S3Converter(s3(cocoSample(), ".report.json"), work);

        S3Exception e = assertThrows(S3Exception.class, () -> converter.run(job()));

        assertEquals(List.of("get in/coco-to-yolo/set.zip", "put out/coco-to-yolo/set.zip",
                "put out/coco-to-yolo/set.report.json (failed)", "delete out/coco-to-yolo/set.zip"), calls);
        assertTrue(e.getMessage().contains("injected"), e.getMessage());
        assertWorkFolderEmpty();
    }

    @Test
    void aFailedConversionUploadsNothing() throws IOException {
        S3Converter converter = new S3Converter(s3("not a zip".getBytes(), null), work);

        IOException e = assertThrows(IOException.class, () -> converter.run(job()));

        assertEquals(List.of("get in/coco-to-yolo/set.zip"), calls);
        assertTrue(e.getMessage().contains("corrupt archive"), e.getMessage());
        assertWorkFolderEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------

    private static ConversionJob job() {
        return new ConversionJob(new S3Uri("in", "coco-to-yolo/set.zip"), "coco", "yolo", ConversionOptions.DEFAULTS,
                new S3Uri("out", "coco-to-yolo/set.zip"), new S3Uri("out", "coco-to-yolo/set.report.json"));
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
     * An S3 client serving {@code object} for every get and recording calls; a put whose key
     * ends with {@code failPutSuffix} fails. The SDK's convenience overloads are default methods
     * that end in the three handled here.
     */
    private S3Client s3(byte[] object, String failPutSuffix) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getObject") && args.length == 2 && args[0] instanceof GetObjectRequest r
                    && args[1] instanceof ResponseTransformer<?, ?> t) {
                calls.add("get " + r.bucket() + "/" + r.key());
                @SuppressWarnings("unchecked")
                ResponseTransformer<GetObjectResponse, Object> transformer = (ResponseTransformer<GetObjectResponse, Object>) t;
                InputStream in = new ByteArrayInputStream(object);
                return transformer.transform(GetObjectResponse.builder().contentLength((long) object.length).build(),
                        AbortableInputStream.create(in));
            }
            if (method.getName().equals("putObject") && args.length == 2 && args[0] instanceof PutObjectRequest r
                    && args[1] instanceof RequestBody) {
                if (failPutSuffix != null && r.key().endsWith(failPutSuffix)) {
                    calls.add("put " + r.bucket() + "/" + r.key() + " (failed)");
                    throw S3Exception.builder().message("injected failure").statusCode(500).build();
                }
                calls.add("put " + r.bucket() + "/" + r.key());
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
