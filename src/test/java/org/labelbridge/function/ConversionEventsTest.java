package org.labelbridge.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Zips;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;

/**
 * The events the convert function puts after each conversion (the success case, checked field by
 * field, is LabelingLoopTest's): a failed conversion says so with its error report, and an event
 * bus that refuses or fails never fails a conversion that was written. Through the S3 trigger
 * path ({@link FunctionInvocation}) against S3Proxy and a loopback EventBridge.
 */
class ConversionEventsTest {

    @RegisterExtension
    static final S3TestServer.PerClass S3 = new S3TestServer.PerClass();

    @TempDir
    Path work;

    private FunctionInvocation invocation(FakeAwsJsonEndpoint eventBridge) {
        ConversionEvents events = new ConversionEvents(AwsJsonApi.eventBridge(Region.EU_WEST_1, Optional.of(eventBridge.uri()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEVENTS", "events-secret"))), "training-bus");
        return S3TestServer.invocation(S3.client(), "auto-to-yolo", work.resolve("function")).withEvents(events);
    }


    private void put(String key, byte[] bytes) {
        S3.client().putObject(r -> r.bucket(S3TestServer.INPUT_BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    private byte[] cocoZip() throws IOException {
        return java.nio.file.Files.readAllBytes(Zips.zipFolder(Corpus.path("coco_1.0/coco_instances"),
                work.resolve("coco.zip"), ""));
    }

    @Test
    void aFailedConversionPutsConversionFailedWithItsErrorReport() throws IOException {
        put("auto-to-yolo/broken.zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));
        try (FakeAwsJsonEndpoint eventBridge = FakeAwsJsonEndpoint.start()) {
            ConversionFailedException e = assertThrows(ConversionFailedException.class,
                    () -> invocation(eventBridge).run(S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, "auto-to-yolo/broken.zip")));

            FakeAwsJsonEndpoint.Call call = single(eventBridge.calls("AWSEvents.PutEvents"));
            assertTrue(call.headers().get("authorization").contains("/eu-west-1/events/aws4_request"),
                    call.headers().get("authorization"));
            JsonNode entry = call.singleEvent();
            assertEquals(List.of("labelbridge", "Conversion failed", "training-bus"), List.of(entry.get("Source").asText(),
                    entry.get("DetailType").asText(), entry.get("EventBusName").asText()));
            JsonNode detail = entry.get("Detail");
            assertEquals("failed", detail.get("status").asText());
            assertEquals("auto-to-yolo", detail.get("function").asText());
            assertEquals("s3://input-bucket/auto-to-yolo/broken.zip", detail.get("input").asText());
            assertTrue(detail.get("output").isNull(), "nothing was written");
            assertEquals("s3://output-bucket/auto-to-yolo/broken.error.json", detail.get("report").asText());
            assertEquals("auto", detail.at("/pair/from").asText());
            assertEquals("yolo", detail.at("/pair/to").asText());
            assertEquals(e.getMessage(), detail.get("error").asText());
            assertTrue(detail.get("error").asText().contains("corrupt archive"), detail.toString());
            assertFalse(detail.get("retryable").asBoolean());
        }
    }

    @Test
    void aBusThatRefusesOrFailsNeverFailsAWrittenConversion() throws IOException {
        put("auto-to-yolo/set.zip", cocoZip());
        AtomicInteger calls = new AtomicInteger();
        try (FakeAwsJsonEndpoint eventBridge = FakeAwsJsonEndpoint.start()) {
            eventBridge.answer("AWSEvents.PutEvents", body -> calls.incrementAndGet() == 1
                    ? new FakeAwsJsonEndpoint.Answer(200, "{\"FailedEntryCount\":1,\"Entries\":[{\"ErrorCode\":"
                            + "\"InternalFailure\",\"ErrorMessage\":\"try later\"}]}")
                    : new FakeAwsJsonEndpoint.Answer(500, "{\"__type\":\"InternalException\",\"message\":\"down\"}"));

            ConvertResult refused = invocation(eventBridge).run(S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, "auto-to-yolo/set.zip"));
            ConvertResult failing = invocation(eventBridge).run(S3TestServer.objectCreated(S3TestServer.INPUT_BUCKET, "auto-to-yolo/set.zip"));

            assertEquals("converted", refused.status());
            assertEquals("converted", failing.status());
            assertEquals(1 + 3, eventBridge.calls("AWSEvents.PutEvents").size(),
                    "a refused entry is logged; a 5xx is tried three times, then logged");
        }
    }

    @Test
    void eventsAreOffUnlessABusIsNamed() {
        assertTrue(ConversionEvents.disabled("none"));
        assertTrue(ConversionEvents.disabled(""));
        assertTrue(ConversionEvents.disabled(null));
        assertFalse(ConversionEvents.disabled("default"));
    }


    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
