package org.labelbridge.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;

/**
 * One AWS service that speaks the JSON 1.1 protocol (EventBridge, Secrets Manager, SSM): a
 * POST of a JSON body naming the operation in {@code X-Amz-Target}, signed with SigV4 by the
 * SDK's own signer, sent through the SDK's URL-connection client, with the credentials and
 * region of the function's S3 client. The SDK's service modules for these are not served at
 * the SDK version the Quarkus extension pins (2.42.7), so the three calls the functions make
 * go through here rather than through a second SDK version.
 */
public final class AwsJsonApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int ATTEMPTS = 3;

    private final String signingName;
    private final String targetPrefix;
    private final URI endpoint;
    private final Region region;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final SdkHttpClient http;

    /**
     * @param signingName  the service's SigV4 name ({@code events}, {@code secretsmanager}, {@code ssm})
     * @param targetPrefix the prefix of its {@code X-Amz-Target} ({@code AWSEvents}, ...)
     * @param endpoint     {@code https://<signingName>.<region>.amazonaws.com} unless given
     */
    public AwsJsonApi(String signingName, String targetPrefix, Region region, Optional<URI> endpoint,
                      IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.region = region;
        this.endpoint = endpoint.orElseGet(() -> URI.create("https://" + signingName + "." + region.id() + ".amazonaws.com"));
        this.credentials = credentials;
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(20)).build();
    }

    public static AwsJsonApi eventBridge(Region region, Optional<URI> endpoint,
                                         IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        return new AwsJsonApi("events", "AWSEvents", region, endpoint, credentials);
    }

    public static AwsJsonApi secretsManager(Region region, Optional<URI> endpoint,
                                            IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        return new AwsJsonApi("secretsmanager", "secretsmanager", region, endpoint, credentials);
    }

    public static AwsJsonApi ssm(Region region, Optional<URI> endpoint,
                                 IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        return new AwsJsonApi("ssm", "AmazonSSM", region, endpoint, credentials);
    }

    /** A service error: the HTTP status, AWS's error type ({@code __type}) and its message. */
    public static final class CallFailedException extends IOException {
        private final int status;
        private final String type;

        CallFailedException(String message, int status, String type) {
            super(message);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        public String type() {
            return type;
        }

        boolean worthRetrying() {
            return status >= 500 || status == 429 || type.contains("Throttl");
        }
    }

    /**
     * Calls {@code operation} with {@code request} as its JSON body and answers the JSON it
     * returns; throttling, a 5xx or a broken connection is tried again, up to three times.
     */
    public JsonNode call(String operation, Object request) throws IOException {
        byte[] body = JSON.writeValueAsBytes(request);
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return once(operation, body);
            } catch (CallFailedException e) {
                if (!e.worthRetrying()) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                last = e;
            }
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(100L << attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(signingName + " " + operation + ": interrupted", e);
                }
            }
        }
        throw last;
    }

    private JsonNode once(String operation, byte[] body) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] answer;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(InputStream.nullInputStream())) {
            answer = in.readAllBytes();
        }
        int status = response.httpResponse().statusCode();
        JsonNode json = answer.length == 0 ? JSON.createObjectNode() : readOrText(answer);
        if (status / 100 != 2) {
            String type = json.path("__type").asText("");
            String message = json.has("message") ? json.get("message").asText() : json.path("Message").asText(new String(answer,
                    java.nio.charset.StandardCharsets.UTF_8));
            throw new CallFailedException(signingName + " " + operation + " at " + endpoint + " answered " + status
                    + (type.isEmpty() ? "" : " " + type) + ": " + message, status, type);
        }
        return json;
    }

    private static JsonNode readOrText(byte[] answer) {
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            return JSON.createObjectNode().put("message", new String(answer, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
