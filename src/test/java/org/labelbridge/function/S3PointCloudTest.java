package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Point clouds through the function's S3 path (an archive read in place, the zip streamed out):
 * refused for an image format as on the local path, with the reason, before any output, leaving
 * only the error report; converted to a 3D format with all four objects (a point cloud item is
 * previewed on a blank canvas).
 */
class S3PointCloudTest {

    @RegisterExtension
    static final S3TestServer.PerClass S3 = new S3TestServer.PerClass();

    @TempDir
    Path work;

    @Test
    void aPointCloudArchiveForAnImageFormatIsRefusedWithItsReason() throws IOException {
        Path zip = Zips.zipFolder(Corpus.path("kitti_raw_1.0/kitti_raw"), work.resolve("kitti.zip"), "");
        S3.client().putObject(r -> r.bucket(S3TestServer.INPUT_BUCKET).key("auto-to-coco/kitti.zip"), RequestBody.fromBytes(Files.readAllBytes(zip)));

        ConversionFailedException e = assertThrows(ConversionFailedException.class, () -> S3TestServer
                .invocation(S3.client(), "auto-to-coco", work.resolve("function"))
                .run(S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, "auto-to-coco/kitti.zip")));

        assertTrue(e.getMessage().contains("holds point clouds (3D)") && e.getMessage().contains("is refused"), e.getMessage());
        List<String> written = S3.client().listObjectsV2Paginator(b -> b.bucket(S3TestServer.OUTPUT_BUCKET)).contents().stream()
                .map(S3Object::key).filter(k -> k.startsWith("auto-to-coco/kitti")).toList();
        assertEquals(List.of("auto-to-coco/kitti.error.json"), written);
    }

    @Test
    void aPointCloudArchiveConvertsToA3dFormatWithItsPreviewAndPage() throws IOException {
        Path zip = Zips.zipFolder(Corpus.path("kitti_raw_1.0/kitti_raw"), work.resolve("kitti.zip"), "");
        S3.client().putObject(r -> r.bucket(S3TestServer.INPUT_BUCKET).key("auto-to-datumaro_3d/kitti.zip"), RequestBody.fromBytes(Files.readAllBytes(zip)));

        ConvertResult result = S3TestServer.invocation(S3.client(), "auto-to-datumaro_3d", work.resolve("function"))
                .run(S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, "auto-to-datumaro_3d/kitti.zip"));

        assertEquals("converted", result.status());
        List<String> written = S3.client().listObjectsV2Paginator(b -> b.bucket(S3TestServer.OUTPUT_BUCKET)).contents().stream()
                .map(S3Object::key).filter(k -> k.startsWith("auto-to-datumaro_3d/kitti")).sorted().toList();
        assertEquals(List.of("auto-to-datumaro_3d/kitti.preview.png", "auto-to-datumaro_3d/kitti.report.html",
                "auto-to-datumaro_3d/kitti.report.json", "auto-to-datumaro_3d/kitti.zip"), written);
    }
}
