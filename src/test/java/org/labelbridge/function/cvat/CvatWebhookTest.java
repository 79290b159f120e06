package org.labelbridge.function.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelbridge.function.S3TestServer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Webhook deliveries as CVAT sends them (a JSON body as Python's {@code json.dumps} writes it,
 * signed {@code X-Signature-256: sha256=<HMAC>}), through {@link CvatWebhook} against a fake CVAT
 * on loopback and a real S3 server (S3Proxy) for the export markers. Checked: what the answer
 * says, what CVAT was asked (the export's every parameter, or nothing at all), and the markers.
 */
class CvatWebhookTest {

    static final String SECRET = "webhook-secret-7";
    static final String UPDATED = "2026-12-07T10:15:30.123456Z";
    static final String KEY = "auto-to-yolo/cvat/task-15-20261207T101530123456Z.zip";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static S3TestServer s3Server;
    private static S3Client s3;
    private FakeCvat cvat;

    @BeforeAll
    static void startS3() {
        s3Server = S3TestServer.start();
        s3 = s3Server.client();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
        s3Server.close();
    }

    @BeforeEach
    void startCvat() throws IOException {
        cvat = FakeCvat.start().statuses("queued", "started", "finished");
    }

    @AfterEach
    void stopCvat() {
        cvat.close();
        s3.listObjectsV2(r -> r.bucket(S3TestServer.INPUT_BUCKET)).contents()
                .forEach(o -> s3.deleteObject(r -> r.bucket(S3TestServer.INPUT_BUCKET).key(o.key())));
    }

    // --- what CVAT sends ----------------------------------------------------------------------------

    /** An {@code update:job} payload as CVAT's webhook sends it, with Python's separators. */
    static String jobUpdate(long jobId, long taskId, String state, String stage, String before) {
        return "{\"event\": \"update:job\", \"job\": {\"url\": \"http://cvat.local/api/jobs/" + jobId + "\", \"id\": " + jobId
                + ", \"task_id\": " + taskId + ", \"project_id\": 7, \"assignee\": null, \"stage\": \"" + stage
                + "\", \"state\": \"" + state + "\", \"type\": \"annotation\", \"updated_date\": \"" + UPDATED
                + "\"}, \"before_update\": " + before + ", \"webhook_id\": 4, \"sender\": {\"id\": 1, \"username\": \"anna\"}}";
    }

    static String completedJob() {
        return jobUpdate(151, 15, "completed", "annotation", "{\"state\": \"in progress\"}");
    }

    static FunctionUrlRequest signed(String body) {
        return delivery(body, WebhookSignature.of(SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
    }

    static FunctionUrlRequest delivery(String body, String signature) {
        Map<String, String> headers = signature == null ? Map.of("content-type", "application/json")
                : Map.of("content-type", "application/json", "x-signature-256", signature);
        return new FunctionUrlRequest(headers, body, false,
                new FunctionUrlRequest.RequestContext(new FunctionUrlRequest.Http("POST")));
    }

    private CvatWebhook webhook(ExportTrigger trigger, Duration followFor) {
        CvatWebhook.Settings settings = new CvatWebhook.Settings("CVAT for images 1.1", true, "yolo", 3, trigger,
                S3TestServer.INPUT_BUCKET, Optional.of("labelers"), followFor, Duration.ofMillis(1));
        CvatCredentials credentials = new CvatCredentials(cvat.uri(), FakeCvat.TOKEN, "Bearer", SECRET);
        return new CvatWebhook(settings, () -> credentials, new ExportLedger(s3, S3TestServer.INPUT_BUCKET));
    }

    private CvatWebhook webhook() {
        return webhook(ExportTrigger.parse("state:completed", "job", "task"), Duration.ofSeconds(30));
    }

    private static JsonNode body(FunctionUrlResponse response) throws IOException {
        return JSON.readTree(response.body());
    }

    private boolean markerExists(String name) {
        try {
            s3.headObject(r -> r.bucket(S3TestServer.INPUT_BUCKET).key(ExportLedger.markerKey(name)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    // --- the signature -------------------------------------------------------------------------------

    @Test
    void theSignatureIsCvatsHmacOfTheBody() {
        // CVAT's documentation: an empty body signed with the secret "mykey".
        assertEquals("sha256=e1b24265bf2e0b20c81837993b4f1415f7b68c503114d100a40601eca6a2745f",
                WebhookSignature.of("mykey".getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertTrue(WebhookSignature.matches("mykey".getBytes(StandardCharsets.UTF_8), new byte[0],
                "e1b24265bf2e0b20c81837993b4f1415f7b68c503114d100a40601eca6a2745f"), "the bare digest of the docs");
        assertFalse(WebhookSignature.matches(new byte[0], new byte[0], "sha256=" + "0".repeat(64)),
                "an empty secret signs nothing");
    }

    @Test
    void aSignedCompletedJobExportsItsTaskToTheCloudStorageUnderTheTargetPrefix() throws IOException {
        FunctionUrlResponse response = webhook().handle(signed(completedJob()));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = body(response);
        assertEquals("exported", answer.get("status").asText());
        assertEquals("s3://input-bucket/" + KEY, answer.get("output").asText());
        FakeCvat.Request export = single(cvat.exports());
        assertEquals("/api/tasks/15/dataset/export", export.path());
        assertEquals(Map.of("format", "CVAT for images 1.1", "filename", KEY, "location", "cloud_storage",
                "cloud_storage_id", "3", "save_images", "true"), export.query());
        assertEquals("Bearer " + FakeCvat.TOKEN, export.authorization());
        assertEquals("labelers", export.organization());
        List<String> followed = cvat.requests().stream().filter(r -> r.method().equals("GET")).map(FakeCvat.Request::path)
                .toList();
        assertEquals(3, followed.size(), "queued, started, finished: " + followed);
        assertTrue(followed.get(0).startsWith("/api/requests/action%3Dexport%26target%3Dtask%26target_id%3D15"), followed.get(0));
        assertEquals(answer.get("rq_id").asText(), "action=export&target=task&target_id=15&sub_resource=dataset"
                + "&format=CVAT for images 1.1&user_id=1");
        assertTrue(markerExists("task-15-20261207T101530123456Z"));
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOverItsDecodedBytes() throws IOException {
        String body = completedJob();
        FunctionUrlRequest plain = signed(body);
        FunctionUrlRequest encoded = new FunctionUrlRequest(plain.headers(),
                Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true, plain.requestContext());

        FunctionUrlResponse response = webhook().handle(encoded);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, cvat.exports().size());
    }

    @Test
    void anUnsignedDeliveryIsRefusedAndNothingIsAsked() throws IOException {
        FunctionUrlResponse response = webhook().handle(delivery(completedJob(), null));

        assertEquals(401, response.statusCode());
        assertTrue(body(response).get("message").asText().contains("no X-Signature-256"), response.body());
        assertEquals(List.of(), cvat.requests());
        assertFalse(markerExists("task-15-20261207T101530123456Z"));
    }

    @Test
    void aWronglySignedDeliveryIsRefusedAndNothingIsAsked() throws IOException {
        String body = completedJob();
        String otherSecret = WebhookSignature.of("another-secret".getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8));
        String ofOtherBody = WebhookSignature.of(SECRET.getBytes(StandardCharsets.UTF_8),
                body.replace("\"completed\"", "\"new\"").getBytes(StandardCharsets.UTF_8));
        String reserialised = JSON.writeValueAsString(JSON.readTree(body));

        for (FunctionUrlRequest forged : List.of(delivery(body, otherSecret), delivery(body, ofOtherBody),
                delivery(body, "sha256=" + "0".repeat(64)), delivery(body, "garbage"),
                // the same JSON, written without Python's spaces: the signature covers the bytes
                delivery(reserialised, signed(body).header("x-signature-256").orElseThrow()))) {
            FunctionUrlResponse response = webhook().handle(forged);
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(body(response).get("message").asText().contains("does not match"), response.body());
        }
        assertEquals(List.of(), cvat.requests());
    }

    @Test
    void aReplayedDeliveryExportsOnce() throws IOException {
        CvatWebhook webhook = webhook();
        FunctionUrlRequest delivery = signed(completedJob());

        FunctionUrlResponse first = webhook.handle(delivery);
        FunctionUrlResponse replay = webhook.handle(delivery);

        assertEquals(200, first.statusCode());
        assertEquals("exported", body(first).get("status").asText());
        assertEquals(200, replay.statusCode(), "CVAT must not retry it");
        assertEquals("duplicate", body(replay).get("status").asText());
        assertEquals("s3://input-bucket/" + KEY, body(replay).get("output").asText());
        assertEquals(1, cvat.exports().size(), "one export for two deliveries");
        JsonNode marker = JSON.readTree(s3.getObjectAsBytes(r -> r.bucket(S3TestServer.INPUT_BUCKET)
                .key(ExportLedger.markerKey("task-15-20261207T101530123456Z"))).asByteArray());
        assertEquals("update:job", marker.get("event").asText());
        assertEquals("tasks/15", marker.get("export").asText());
        assertEquals(UPDATED, marker.get("updated_date").asText());
    }

    @Test
    void aLaterUpdateOfTheSameTaskExportsAgainUnderItsOwnKey() throws IOException {
        CvatWebhook webhook = webhook();
        webhook.handle(signed(completedJob()));
        cvat.statuses("finished");

        FunctionUrlResponse later = webhook.handle(signed(completedJob().replace(UPDATED, "2026-12-07T11:00:00.000001Z")));

        assertEquals("exported", body(later).get("status").asText());
        assertEquals(List.of(KEY, "auto-to-yolo/cvat/task-15-20261207T110000000001Z.zip"),
                cvat.exports().stream().map(r -> r.query().get("filename")).toList());
    }

    @Test
    void otherEventsAndStatesAreIgnoredWithoutAskingCvat() throws IOException {
        List<String> others = List.of(
                jobUpdate(151, 15, "in progress", "annotation", "{\"state\": \"new\"}"),
                jobUpdate(151, 15, "completed", "annotation", "{\"assignee\": null}"),
                "{\"event\": \"create:task\", \"task\": {\"id\": 15, \"updated_date\": \"" + UPDATED + "\"}, \"webhook_id\": 4}",
                "{\"event\": \"update:task\", \"task\": {\"id\": 15, \"updated_date\": \"" + UPDATED
                        + "\"}, \"before_update\": {\"name\": \"old\"}, \"webhook_id\": 4}",
                "{\"event\": \"delete:job\", \"job\": {\"id\": 151}, \"webhook_id\": 4}");
        for (String event : others) {
            FunctionUrlResponse response = webhook().handle(signed(event));
            assertEquals(200, response.statusCode(), event);
            assertEquals("ignored", body(response).get("status").asText(), event);
        }
        assertEquals(List.of(), cvat.requests());
        assertTrue(body(webhook().handle(signed(others.get(0)))).get("message").asText()
                .contains("state became 'in progress', not 'completed'"));
    }

    @Test
    void aPingIsAnsweredAndASignedBodyThatIsNoEventIsABadRequest() throws IOException {
        FunctionUrlResponse ping = webhook().handle(signed("{\"event\": \"ping\", \"webhook\": {\"id\": 4}}"));
        assertEquals(200, ping.statusCode());
        assertEquals("pong", body(ping).get("status").asText());

        for (String notAnEvent : List.of("not json", "[1, 2]", "{\"job\": {\"id\": 1}}", "")) {
            FunctionUrlResponse response = webhook().handle(signed(notAnEvent));
            assertEquals(400, response.statusCode(), notAnEvent);
        }
        assertEquals(List.of(), cvat.requests());
    }

    @Test
    void onlyPostIsTaken() {
        FunctionUrlRequest get = new FunctionUrlRequest(Map.of(), null, false,
                new FunctionUrlRequest.RequestContext(new FunctionUrlRequest.Http("GET")));
        assertEquals(405, webhook().handle(get).statusCode());
    }

    @Test
    void withTaskScopeTheTaskIsExportedOnlyWhenEveryJobIsCompleted() throws IOException {
        CvatWebhook webhook = webhook(ExportTrigger.parse("state:completed", "task", "task"), Duration.ofSeconds(30));
        cvat.task(15, 7L, "2026-12-07T10:15:31.000000Z", "completed", "in progress", "completed");

        FunctionUrlResponse notYet = webhook.handle(signed(completedJob()));

        assertEquals("ignored", body(notYet).get("status").asText());
        assertEquals("task 15: 2 of 3 jobs have state 'completed'", body(notYet).get("message").asText());
        assertEquals(List.of(), cvat.exports());

        cvat.task(15, 7L, "2026-12-07T10:20:00.000000Z", "completed", "completed", "completed");
        FunctionUrlResponse byJob = webhook.handle(signed(jobUpdate(152, 15, "completed", "annotation",
                "{\"state\": \"in progress\"}")));
        String taskEvent = "{\"event\": \"update:task\", \"task\": {\"id\": 15, \"project_id\": 7, \"updated_date\": "
                + "\"2026-12-07T10:20:00.000000Z\"}, \"before_update\": {\"status\": \"annotation\"}, \"webhook_id\": 4}";
        FunctionUrlResponse byTask = webhook.handle(signed(taskEvent));

        assertEquals("exported", body(byJob).get("status").asText(), byJob.body());
        assertEquals("duplicate", body(byTask).get("status").asText(), "the task event of the same change: " + byTask.body());
        assertEquals("auto-to-yolo/cvat/task-15-20261207T102000000000Z.zip",
                single(cvat.exports()).query().get("filename"), "named by the task's update time");
    }

    @Test
    void theProjectCanBeExportedInstead() throws IOException {
        CvatWebhook webhook = webhook(ExportTrigger.parse("stage:acceptance", "job", "project"), Duration.ofSeconds(30));

        FunctionUrlResponse response = webhook.handle(signed(jobUpdate(151, 15, "new", "acceptance",
                "{\"stage\": \"validation\"}")));

        assertEquals("exported", body(response).get("status").asText(), response.body());
        FakeCvat.Request export = single(cvat.exports());
        assertEquals("/api/projects/7/dataset/export", export.path());
        assertEquals("auto-to-yolo/cvat/project-7-20261207T101530123456Z.zip", export.query().get("filename"));
    }

    @Test
    void aFailedExportIsReportedAndReleasedSoThatCvatsRetryExportsAgain() throws IOException {
        cvat.failingWith("Cloud storage 3: access denied");
        CvatWebhook webhook = webhook();

        FunctionUrlResponse failed = webhook.handle(signed(completedJob()));

        assertEquals(502, failed.statusCode(), "a 5xx: CVAT retries the delivery");
        assertEquals("export_failed", body(failed).get("status").asText());
        assertTrue(body(failed).get("message").asText().endsWith("failed: Cloud storage 3: access denied"), failed.body());
        assertFalse(markerExists("task-15-20261207T101530123456Z"), "released");

        cvat.statuses("finished");
        FunctionUrlResponse retried = webhook.handle(signed(completedJob()));
        assertEquals("exported", body(retried).get("status").asText());
        assertEquals(2, cvat.exports().size());
    }

    @Test
    void aCvatThatRefusesTheExportIsABadGatewayAndReleasesTheClaim() throws IOException {
        CvatCredentials wrongToken = new CvatCredentials(cvat.uri(), "expired", "Bearer", SECRET);
        CvatWebhook.Settings settings = new CvatWebhook.Settings("CVAT for images 1.1", true, "yolo", 3,
                ExportTrigger.parse("state:completed", "job", "task"), S3TestServer.INPUT_BUCKET, Optional.empty(),
                Duration.ofSeconds(30), Duration.ofMillis(1));
        CvatWebhook webhook = new CvatWebhook(settings, () -> wrongToken, new ExportLedger(s3, S3TestServer.INPUT_BUCKET));

        FunctionUrlResponse response = webhook.handle(signed(completedJob()));

        assertEquals(502, response.statusCode());
        assertTrue(body(response).get("message").asText().contains("/api/tasks/15/dataset/export (format 'CVAT for images 1.1')"
                + " answered 401"), response.body());
        assertFalse(markerExists("task-15-20261207T101530123456Z"));
    }

    @Test
    void aMarkerThatCannotBeWrittenIsABadGatewayAndNothingIsExported() throws IOException {
        CvatWebhook.Settings settings = new CvatWebhook.Settings("CVAT for images 1.1", true, "yolo", 3,
                ExportTrigger.parse("state:completed", "job", "task"), "no-such-bucket", Optional.empty(),
                Duration.ofSeconds(30), Duration.ofMillis(1));
        CvatCredentials credentials = new CvatCredentials(cvat.uri(), FakeCvat.TOKEN, "Bearer", SECRET);
        CvatWebhook webhook = new CvatWebhook(settings, () -> credentials, new ExportLedger(s3, "no-such-bucket"));

        FunctionUrlResponse response = webhook.handle(signed(completedJob()));

        assertEquals(502, response.statusCode(), response.body());
        assertEquals("storage_unavailable", body(response).get("status").asText());
        assertTrue(body(response).get("message").asText().startsWith("cannot claim the export in s3://no-such-bucket/"
                + "cvat-webhook/exports/"), response.body());
        assertEquals(List.of(), cvat.exports());
    }

    @Test
    void anExportStillRunningWhenTheWaitEndsIsAcceptedAndLandsLater() throws IOException {
        cvat.statuses("started");

        FunctionUrlResponse response = webhook(ExportTrigger.parse("state:completed", "job", "task"), Duration.ZERO)
                .handle(signed(completedJob()));

        assertEquals(202, response.statusCode(), response.body());
        assertEquals("exporting", body(response).get("status").asText());
        assertTrue(markerExists("task-15-20261207T101530123456Z"), "the export runs on in CVAT: the claim stays");
    }

    @Test
    void anExportAlreadyRunningInCvatIsAskedAgainByCvatsRetry() throws IOException {
        // The running export may be of an earlier update, under another name: following it would
        // answer "exported" for a file that never lands.
        cvat.exportAlreadyRunning();
        CvatWebhook webhook = webhook();

        FunctionUrlResponse busy = webhook.handle(signed(completedJob()));

        assertEquals(502, busy.statusCode(), busy.body());
        assertEquals("export_busy", body(busy).get("status").asText());
        assertTrue(body(busy).get("message").asText().startsWith("CVAT is already exporting tasks/15 as 'CVAT for images 1.1'"
                + " (action=export&target=task&target_id=15"), busy.body());
        assertFalse(markerExists("task-15-20261207T101530123456Z"), "released for the retry");
        assertEquals(List.of(), cvat.requests().stream().filter(r -> r.method().equals("GET")).toList(), "not followed");

        cvat.exportAccepted();
        FunctionUrlResponse retried = webhook.handle(signed(completedJob()));
        assertEquals("exported", body(retried).get("status").asText(), retried.body());
    }

    @Test
    void triggersAreParsedStrictly() {
        for (String[] wrong : List.of(new String[] {"completed", "job", "task", "'completed'"},
                new String[] {"status:done", "job", "task", "'status:done'"},
                new String[] {"state:completed", "jobs", "task", "scope must be one of [job, task], got 'jobs'"},
                new String[] {"state:completed", "job", "org", "export-of must be one of [task, project], got 'org'"})) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ExportTrigger.parse(wrong[0], wrong[1], wrong[2]));
            assertTrue(e.getMessage().contains(wrong[3]), e.getMessage());
        }
    }

    static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}
