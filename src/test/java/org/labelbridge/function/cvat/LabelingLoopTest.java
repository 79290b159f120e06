package org.labelbridge.function.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.format.Formats;
import org.labelbridge.function.AwsJsonApi;
import org.labelbridge.function.ConversionEvents;
import org.labelbridge.function.ConversionSummary;
import org.labelbridge.function.ConvertInput;
import org.labelbridge.function.ConvertResult;
import org.labelbridge.function.FakeAwsJsonEndpoint;
import org.labelbridge.function.FunctionInvocation;
import org.labelbridge.function.S3TestServer;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.Bbox;
import org.labelbridge.model.Item;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole loop on loopback: a signed delivery of a completed job makes the webhook ask the fake
 * CVAT for the task's export; when CVAT's request finishes, its export (the corpus'
 * {@code cvat_images_1.1/ovd_export_project}, zipped as CVAT zips a task export) lands in S3Proxy
 * at the key the webhook named; the S3 event of that key runs the existing trigger path as the
 * {@code auto-to-yolo} function, whose YOLO output is read back with our reader; and the
 * {@code PutEvents} request that tells the training side is captured and checked field by field.
 *
 * <p>The sample: subsets Test, Train and Validation each hold {@code img0} (8x8) with box label1
 * [0,2,4,2] and a polyline, and {@code img1} (10x10) with a polygon and points; YOLO keeps boxes.
 */
class LabelingLoopTest {

    @TempDir
    Path work;

    @Test
    void aCompletedJobEndsAsAYoloDatasetInTheOutputBucketAndAnEventForTraining() throws IOException {
        Path export = Zips.zipFolder(Corpus.path("cvat_images_1.1/ovd_export_project"), work.resolve("export.zip"), "");
        try (S3TestServer s3Server = S3TestServer.start(); S3Client s3 = s3Server.client();
             FakeCvat cvat = FakeCvat.start(); FakeAwsJsonEndpoint eventBridge = FakeAwsJsonEndpoint.start()) {
            cvat.statuses("queued", "finished").onExportFinished(request -> s3.putObject(
                    r -> r.bucket(S3TestServer.INPUT_BUCKET).key(request.query().get("filename")), RequestBody.fromFile(export)));
            CvatWebhook webhook = new CvatWebhook(new CvatWebhook.Settings("CVAT for images 1.1", true, "yolo", 3,
                    ExportTrigger.parse("state:completed", "job", "task"), S3TestServer.INPUT_BUCKET, Optional.empty(),
                    Duration.ofSeconds(30), Duration.ofMillis(1)),
                    () -> new CvatCredentials(cvat.uri(), FakeCvat.TOKEN, "Bearer", CvatWebhookTest.SECRET),
                    new ExportLedger(s3, S3TestServer.INPUT_BUCKET));

            FunctionUrlResponse answer = webhook.handle(CvatWebhookTest.signed(CvatWebhookTest.completedJob()));
            assertEquals(200, answer.statusCode(), answer.body());

            // S3 notifies the auto-to-yolo function of the object CVAT wrote (keys arrive URL-encoded).
            ConvertInput event = S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, CvatWebhookTest.KEY);
            ConversionEvents events = new ConversionEvents(AwsJsonApi.eventBridge(Region.US_EAST_1,
                    Optional.of(eventBridge.uri()), StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIDLOOPTEST", "loop-secret"))), "default");
            ConvertResult result = S3TestServer.invocation(s3, "auto-to-yolo", work.resolve("function")).withEvents(events).run(event);

            ConversionSummary c = CvatWebhookTest.single(result.conversions());
            String output = "s3://output-bucket/" + CvatWebhookTest.KEY;
            assertEquals(output, c.output());
            assertEquals("cvat_images", c.from());
            Datasets.Loaded yolo = readYolo(s3, CvatWebhookTest.KEY);
            assertEquals(6, yolo.items().size(), yolo.ids().toString());
            for (Item item : yolo.items()) {
                List<Annotation> boxes = item.annotations();
                if (item.id().equals("img0")) {
                    Bbox box = (Bbox) CvatWebhookTest.single(boxes);
                    assertEquals("label1", yolo.labelOf(box), item.subset());
                    assertEquals(List.of(0.0, 2.0, 4.0, 2.0), List.of(round(box.x()), round(box.y()), round(box.w()),
                            round(box.h())), item.subset());
                } else {
                    assertEquals(List.of(), boxes, item.subset() + "/" + item.id() + ": polygon and points do not fit YOLO");
                }
            }

            FakeAwsJsonEndpoint.Call put = CvatWebhookTest.single(eventBridge.calls());
            assertEquals("AWSEvents.PutEvents", put.target());
            assertEquals("application/x-amz-json-1.1", put.headers().get("content-type"));
            String authorization = put.headers().get("authorization");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDLOOPTEST/")
                    && authorization.contains("/us-east-1/events/aws4_request") && authorization.contains("Signature="),
                    authorization);
            JsonNode entry = put.singleEvent();
            assertEquals(List.of("labelbridge", "Dataset converted", "default"), List.of(entry.get("Source").asText(),
                    entry.get("DetailType").asText(), entry.get("EventBusName").asText()));
            JsonNode detail = entry.get("Detail");
            assertEquals("converted", detail.get("status").asText());
            assertEquals("auto-to-yolo", detail.get("function").asText());
            assertEquals("s3://input-bucket/" + CvatWebhookTest.KEY, detail.get("input").asText());
            assertEquals(output, detail.get("output").asText());
            assertEquals(output.replace(".zip", ".report.json"), detail.get("report").asText());
            assertEquals(c.report(), detail.get("report").asText());
            assertEquals("cvat_images", detail.at("/pair/from").asText());
            assertEquals("yolo", detail.at("/pair/to").asText());
            assertEquals("auto", detail.at("/pair/requested_from").asText());
            assertEquals("cvat_images", detail.at("/detection/format").asText());
            assertEquals(c.detection().confidence(), detail.at("/detection/confidence").asInt());
            assertEquals(6, detail.at("/counts/items_in").asLong());
            assertEquals(6, detail.at("/counts/items_out").asLong());
            assertEquals(c.annotationsIn(), detail.at("/counts/annotations_in").asLong());
            assertEquals(12, detail.at("/counts/annotations_in").asLong(), "box, polyline, polygon, points x3 subsets");
            assertEquals(3, detail.at("/counts/annotations_out").asLong());
            assertEquals(c.droppedAnnotations(), detail.at("/counts/dropped_annotations").asLong());
            assertEquals(c.droppedItems(), detail.at("/counts/dropped_items").asLong());
            assertEquals(c.changes(), detail.at("/counts/changes").asInt());
            assertTrue(detail.get("lossy").asBoolean());
            assertEquals(c.bytesIn(), detail.get("bytes_in").asLong());
            assertEquals(Files.size(export), detail.get("bytes_in").asLong());
            assertEquals(c.bytesOut(), detail.get("bytes_out").asLong());
        }
    }

    private Datasets.Loaded readYolo(S3Client s3, String key) throws IOException {
        Path zip = work.resolve("output.zip");
        Files.write(zip, s3.getObjectAsBytes(r -> r.bucket(S3TestServer.OUTPUT_BUCKET).key(key)).asByteArray());
        try (InputArchive archive = InputArchive.open(zip)) {
            return Datasets.read(Formats.require("yolo"), archive.source());
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
