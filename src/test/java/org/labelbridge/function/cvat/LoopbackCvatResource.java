package org.labelbridge.function.cvat;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import org.labelbridge.function.FakeAwsJsonEndpoint;

/**
 * For the Quarkus test of the {@code cvat-webhook} export: a {@link FakeCvat} and a loopback
 * Secrets Manager holding the webhook's secret (CVAT's URL, token, webhook secret).
 */
public class LoopbackCvatResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET_ID = "labelbridge/cvat-webhook";

    private static FakeCvat cvat;
    private static FakeAwsJsonEndpoint secrets;

    @Override
    public Map<String, String> start() {
        try {
            cvat = FakeCvat.start().statuses("queued", "finished");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake CVAT", e);
        }
        String secret = "{\"url\": \"" + cvat.uri() + "\", \"token\": \"" + FakeCvat.TOKEN + "\", \"webhook_secret\": \""
                + CvatWebhookTest.SECRET + "\"}";
        secrets = FakeAwsJsonEndpoint.start().answer("secretsmanager.GetSecretValue", body ->
                new FakeAwsJsonEndpoint.Answer(200, "{\"Name\":\"" + SECRET_ID + "\",\"SecretString\":"
                        + new com.fasterxml.jackson.databind.node.TextNode(secret) + "}"));
        return Map.of("labelbridge.cvat.secrets-endpoint", secrets.uri().toString());
    }

    static FakeCvat cvat() {
        return cvat;
    }

    static FakeAwsJsonEndpoint secrets() {
        return secrets;
    }

    @Override
    public void stop() {
        if (cvat != null) {
            cvat.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }
}
