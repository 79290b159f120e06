package org.labelbridge.function.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.labelbridge.function.AwsJsonApi;
import org.labelbridge.function.FakeAwsJsonEndpoint;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The webhook's secret, read from Secrets Manager or an SSM SecureString on a loopback AWS
 * endpoint: the signed request each service expects, the JSON fields, the cache, and errors that
 * name the secret and the missing field but never its content.
 */
class CvatSecretSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "{\"url\": \"https://cvat.example.com/\", \"token\": \"pat-abc\","
            + " \"webhook_secret\": \"hook\"}";

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static CvatSecretSource source(String id, URI endpoint, Clock clock) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSECRETS", "s"));
        return new CvatSecretSource(id, AwsJsonApi.secretsManager(Region.US_EAST_1, Optional.of(endpoint), credentials),
                AwsJsonApi.ssm(Region.US_EAST_1, Optional.of(endpoint), credentials), clock);
    }

    private static FakeAwsJsonEndpoint.Answer secretString(String text) {
        try {
            return new FakeAwsJsonEndpoint.Answer(200, JSON.writeValueAsString(java.util.Map.of("SecretString", text)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSecretsManagerSecretIsReadOnceAndAgainAfterFiveMinutes() throws IOException {
        MovableClock clock = new MovableClock();
        try (FakeAwsJsonEndpoint aws = FakeAwsJsonEndpoint.start()) {
            aws.answer("secretsmanager.GetSecretValue", body -> secretString(SECRET));
            CvatSecretSource source = source("labelbridge/cvat", aws.uri(), clock);

            CvatCredentials credentials = source.get();
            source.get();

            assertEquals(URI.create("https://cvat.example.com"), credentials.url());
            assertEquals("Bearer pat-abc", credentials.authorization());
            assertEquals("hook", credentials.webhookSecret());
            FakeAwsJsonEndpoint.Call call = CvatWebhookTest.single(aws.calls());
            assertEquals("secretsmanager.GetSecretValue", call.target());
            assertEquals(JSON.readTree("{\"SecretId\":\"labelbridge/cvat\"}"), call.body());
            assertTrue(call.headers().get("authorization").contains("/us-east-1/secretsmanager/aws4_request"));

            clock.now = clock.now.plus(CvatSecretSource.MAX_AGE).plus(Duration.ofSeconds(1));
            source.get();
            assertEquals(2, aws.calls().size(), "a rotated secret is read again");
        }
    }

    @Test
    void anSsmSecureStringIsReadDecrypted() throws IOException {
        try (FakeAwsJsonEndpoint aws = FakeAwsJsonEndpoint.start()) {
            aws.answer("AmazonSSM.GetParameter", body -> new FakeAwsJsonEndpoint.Answer(200,
                    "{\"Parameter\":{\"Name\":\"/labelbridge/cvat\",\"Type\":\"SecureString\",\"Value\":"
                            + JSON.valueToTree(SECRET.replace("pat-abc", "legacy-key").replace("}", ", \"auth_scheme\": \"Token\"}"))
                            + "}}"));

            CvatCredentials credentials = source("/labelbridge/cvat", aws.uri(), Clock.systemUTC()).get();

            assertEquals("Token legacy-key", credentials.authorization());
            JsonNode body = CvatWebhookTest.single(aws.calls()).body();
            assertEquals(JSON.readTree("{\"Name\":\"/labelbridge/cvat\",\"WithDecryption\":true}"), body);
        }
        assertTrue(CvatSecretSource.isSsmParameter("arn:aws:ssm:us-east-1:123456789012:parameter/labelbridge/cvat"));
        assertFalse(CvatSecretSource.isSsmParameter("arn:aws:secretsmanager:us-east-1:123456789012:secret:cvat-AbCdEf"));
    }

    @Test
    void anIncompleteSecretIsNamedWithoutShowingItsContent() throws IOException {
        try (FakeAwsJsonEndpoint aws = FakeAwsJsonEndpoint.start()) {
            aws.answer("secretsmanager.GetSecretValue", body -> secretString("{\"url\": \"https://cvat\", \"token\": \"pat-abc\"}"));

            IOException e = assertThrows(IOException.class, () -> source("labelbridge/cvat", aws.uri(), Clock.systemUTC()).get());

            assertEquals("secret labelbridge/cvat: the secret has no 'webhook_secret' (it needs url, token and webhook_secret)",
                    e.getMessage());
            assertFalse(e.getMessage().contains("pat-abc"));
        }
    }

    @Test
    void aSecretThatCannotBeReadNamesTheServiceAndItsError() throws IOException {
        try (FakeAwsJsonEndpoint aws = FakeAwsJsonEndpoint.start()) {
            aws.answer("secretsmanager.GetSecretValue", body -> new FakeAwsJsonEndpoint.Answer(400,
                    "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}"));

            IOException e = assertThrows(IOException.class, () -> source("labelbridge/cvat", aws.uri(), Clock.systemUTC()).get());

            assertTrue(e.getMessage().contains("secretsmanager GetSecretValue at " + aws.uri() + " answered 400"
                    + " ResourceNotFoundException: Secrets Manager can't find the specified secret."), e.getMessage());
        }
    }
}
