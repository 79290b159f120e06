package org.labelbridge.function;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The function's tests' S3: an {@link S3TestServer} (S3Proxy behind a {@link FaultProxy}), with
 * the function's S3 client pointed at the fault proxy. Tests reach the proxy through
 * {@link #faults()} to inject faults into the real invocation path.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String INPUT_BUCKET = S3TestServer.INPUT_BUCKET;
    public static final String OUTPUT_BUCKET = S3TestServer.OUTPUT_BUCKET;

    private static S3TestServer server;

    @Override
    public Map<String, String> start() {
        server = S3TestServer.start();
        return Map.of(
                "quarkus.s3.endpoint-override", server.endpoint(),
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", "us-east-1",
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", S3TestServer.ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", S3TestServer.SECRET_KEY);
    }

    /** The fault proxy between the function and S3Proxy. */
    public static FaultProxy faults() {
        return server.faults();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
