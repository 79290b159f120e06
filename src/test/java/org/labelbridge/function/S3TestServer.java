package org.labelbridge.function;

import java.io.IOException;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server on loopback (S3Proxy in process, objects in memory) with an
 * input and an output bucket, behind a {@link FaultProxy}: clients talk to the proxy, which
 * forwards to S3Proxy and injects the faults a test asks for.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String INPUT_BUCKET = "input-bucket";
    public static final String OUTPUT_BUCKET = "output-bucket";
    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key";

    private final S3Proxy s3proxy;
    private final FaultProxy faults;

    private S3TestServer(S3Proxy s3proxy, FaultProxy faults) {
        this.s3proxy = s3proxy;
        this.faults = faults;
    }

    public static S3TestServer start() {
        TransientNio2BlobStore store = new TransientNio2BlobStore();
        store.createContainer(INPUT_BUCKET);
        store.createContainer(OUTPUT_BUCKET);
        S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s: " + proxy.getState());
                }
                Thread.sleep(10);
            }
            return new S3TestServer(proxy, new FaultProxy(proxy.getPort()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy and the fault proxy", e);
        }
    }

    /** Where clients connect: the fault proxy. */
    public String endpoint() {
        return "http://127.0.0.1:" + faults.port();
    }

    public FaultProxy faults() {
        return faults;
    }

    /** A client of the fault proxy; without the SDK's own retries, so that a test sees what labelbridge does. */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The S3 notification of an object created at {@code key} (URL-encoded as S3 sends it), as the function reads it. */
    /**
     * The function's invocation as a deployment of {@code function} runs it, against this
     * server's client, working in {@code workDir} (S3Proxy takes no object tags: reports carry none).
     */
    public static FunctionInvocation invocation(S3Client s3, String function, java.nio.file.Path workDir) {
        FunctionConfig settings = FunctionConfig.fromEnvironment(java.util.Map.of("LABELBRIDGE_WORK_DIR", workDir.toString(),
                "LABELBRIDGE_REPORT_TAGGING", "none"));
        return FunctionInvocation.of(s3, java.util.Optional.of(function), java.util.Optional.of(OUTPUT_BUCKET), settings,
                System.out, 0);
    }

    public static ConvertInput objectCreated(String bucket, String key) {
        String encoded = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8).replace("%2F", "/");
        var record = java.util.Map.of("eventSource", "aws:s3", "eventName", "ObjectCreated:Put", "awsRegion", "us-east-1",
                "s3", java.util.Map.of("bucket", java.util.Map.of("name", bucket), "object", java.util.Map.of("key", encoded)));
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                java.util.Map.of("Records", java.util.List.of(record)), ConvertInput.class);
    }

    @Override
    public void close() {
        try {
            faults.close();
            s3proxy.stop();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the fault proxy", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        }
    }

    /**
     * One server and its client for a test class: started before the class's first test (and
     * before its own {@code @BeforeAll}), both closed after its last. Register it as
     * {@code @RegisterExtension static final S3TestServer.PerClass S3 = new S3TestServer.PerClass();}.
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {

        private S3TestServer server;
        private S3Client client;

        @Override
        public void beforeAll(ExtensionContext context) {
            server = start();
            client = server.client();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            client.close();
            server.close();
        }

        public S3TestServer server() {
            return server;
        }

        public S3Client client() {
            return client;
        }
    }
}
