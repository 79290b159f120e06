package org.labelbridge.function.cvat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code cvat-webhook} export of the same jar, as Lambda runs it behind a function URL: a
 * function URL event (payload format 2.0) is POSTed to Quarkus' Lambda mock event server, the
 * real Funqy invocation path runs with the deployment's settings, the secret comes from a
 * loopback Secrets Manager, and the answer is the function URL's response object.
 */
@QuarkusTest
@TestProfile(CvatWebhookFunctionTest.WebhookDeployment.class)
class CvatWebhookFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The webhook's deployment, as Terraform configures it (QUARKUS_FUNQY_EXPORT=cvat-webhook, LABELBRIDGE_CVAT_*). */
    public static class WebhookDeployment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.funqy.export", "cvat-webhook",
                    "labelbridge.cvat.secret-id", LoopbackCvatResource.SECRET_ID,
                    "labelbridge.cvat.bucket", "input-bucket",
                    "labelbridge.cvat.cloud-storage-id", "3",
                    "labelbridge.cvat.target", "yolo",
                    "labelbridge.cvat.poll-millis", "1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LoopbackCvatResource.class));
        }
    }

    /** A function URL event as Lambda delivers it: lower-cased headers, the body as text or base64. */
    private static String functionUrlEvent(String body, String signature, boolean base64) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "python-requests/2.32.3");
        if (signature != null) {
            headers.put("x-signature-256", signature);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", "/");
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("requestContext", Map.of("accountId", "anonymous", "domainName", "abc.lambda-url.us-east-1.on.aws",
                "http", Map.of("method", "POST", "path", "/", "protocol", "HTTP/1.1", "sourceIp", "203.0.113.7"),
                "requestId", "id", "stage", "$default"));
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        event.put("isBase64Encoded", base64);
        return JSON.writeValueAsString(event);
    }

    private static JsonNode invoke(String event) throws IOException {
        Response response = given().contentType("application/json").body(event).when().post();
        assertEquals(200, response.statusCode(), response.asString());
        return JSON.readTree(response.asString());
    }

    private static String sign(String body) {
        return WebhookSignature.of(CvatWebhookTest.SECRET.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnsignedDeliveryIsA401() throws IOException {
        JsonNode answer = invoke(functionUrlEvent(CvatWebhookTest.completedJob(), null, false));

        assertEquals(401, answer.get("statusCode").asInt(), answer.toString());
        assertEquals("application/json", answer.at("/headers/content-type").asText());
        assertEquals("unauthorized", JSON.readTree(answer.get("body").asText()).get("status").asText());
    }

    @Test
    void aSignedCompletedJobIsExportedWithTheTokenFromTheSecret() throws IOException {
        String body = CvatWebhookTest.completedJob().replace("2026-12-07T10:15:30.123456Z", "2026-12-07T12:00:00.000000Z");

        JsonNode answer = invoke(functionUrlEvent(body, sign(body), true));

        assertEquals(200, answer.get("statusCode").asInt(), answer.toString());
        JsonNode result = JSON.readTree(answer.get("body").asText());
        assertEquals("exported", result.get("status").asText(), result.toString());
        assertEquals("s3://input-bucket/auto-to-yolo/cvat/task-15-20261207T120000000000Z.zip", result.get("output").asText());
        FakeCvat.Request export = LoopbackCvatResource.cvat().exports().get(0);
        assertEquals("Bearer " + FakeCvat.TOKEN, export.authorization());
        assertEquals("auto-to-yolo/cvat/task-15-20261207T120000000000Z.zip", export.query().get("filename"));
        String authorization = LoopbackCvatResource.secrets().calls("secretsmanager.GetSecretValue").get(0).headers()
                .get("authorization");
        assertTrue(authorization.contains("Credential=test-access-key/") && authorization.contains("/us-east-1/secretsmanager/"),
                "signed with the function's credentials and region: " + authorization);
    }
}
