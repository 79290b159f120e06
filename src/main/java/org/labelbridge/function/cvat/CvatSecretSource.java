package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.labelbridge.function.AwsJsonApi;

/**
 * Reads {@link CvatCredentials} from Secrets Manager ({@code GetSecretValue}) or, for an id that
 * is an SSM parameter ({@code /name} or {@code arn:aws:ssm:...:parameter/name}), from an SSM
 * SecureString ({@code GetParameter} with decryption). Kept for {@link #MAX_AGE} so that a warm
 * function does not call for it on every delivery, and a rotated secret is picked up soon.
 */
final class CvatSecretSource {

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final String id;
    private final AwsJsonApi secretsManager;
    private final AwsJsonApi ssm;
    private final Clock clock;
    private CvatCredentials cached;
    private Instant readAt;

    CvatSecretSource(String id, AwsJsonApi secretsManager, AwsJsonApi ssm, Clock clock) {
        this.id = id;
        this.secretsManager = secretsManager;
        this.ssm = ssm;
        this.clock = clock;
    }

    static boolean isSsmParameter(String id) {
        return id.startsWith("/") || id.startsWith("arn:aws:ssm:") || id.matches("arn:aws[a-z-]*:ssm:.*");
    }

    synchronized CvatCredentials get() throws IOException {
        if (cached != null && readAt.plus(MAX_AGE).isAfter(clock.instant())) {
            return cached;
        }
        String text;
        if (isSsmParameter(id)) {
            JsonNode answer = ssm.call("GetParameter", Map.of("Name", id, "WithDecryption", true));
            text = answer.path("Parameter").path("Value").asText(null);
        } else {
            JsonNode answer = secretsManager.call("GetSecretValue", Map.of("SecretId", id));
            text = answer.path("SecretString").asText(null);
        }
        if (text == null) {
            throw new IOException("the secret " + id + " has no text value");
        }
        cached = CvatCredentials.parse(text, "secret " + id);
        readAt = clock.instant();
        return cached;
    }
}
