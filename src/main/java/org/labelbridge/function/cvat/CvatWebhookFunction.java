package org.labelbridge.function.cvat;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.labelbridge.function.AwsJsonApi;
import org.labelbridge.function.FunctionDescriptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code cvat-webhook} Lambda (the same jar as {@code convert}; Terraform sets
 * {@code QUARKUS_FUNQY_EXPORT=cvat-webhook}), invoked through a function URL: the work is
 * {@link CvatWebhook}'s. Secrets Manager, SSM and S3 are reached with the S3 client's
 * credentials and region.
 */
public class CvatWebhookFunction {

    @Inject
    S3Client s3;

    @Inject
    CvatWebhookConfig config;

    private CvatWebhook webhook;

    private synchronized CvatWebhook webhook() throws IOException {
        if (webhook == null) {
            String secretId = config.secretId().filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IOException("LABELBRIDGE_CVAT_SECRET_ID is not set"));
            String bucket = config.bucket().filter(s -> !s.isBlank())
                    .orElseThrow(() -> new IOException("LABELBRIDGE_CVAT_BUCKET is not set"));
            if (config.cloudStorageId().isEmpty()) {
                throw new IOException("LABELBRIDGE_CVAT_CLOUD_STORAGE_ID is not set (the id of the input bucket in CVAT)");
            }
            String function = "auto-to-" + config.target();
            if (FunctionDescriptor.find(function).isEmpty()) {
                throw new IOException("LABELBRIDGE_CVAT_TARGET '" + config.target() + "': functions/ has no " + function);
            }
            var region = s3.serviceClientConfiguration().region();
            var credentials = s3.serviceClientConfiguration().credentialsProvider();
            CvatSecretSource secrets = new CvatSecretSource(secretId,
                    AwsJsonApi.secretsManager(region, config.secretsEndpoint(), credentials),
                    AwsJsonApi.ssm(region, config.secretsEndpoint(), credentials), Clock.systemUTC());
            CvatWebhook.Settings settings = new CvatWebhook.Settings(config.format(), config.saveImages(), config.target(),
                    config.cloudStorageId().getAsLong(),
                    ExportTrigger.parse(config.trigger(), config.scope(), config.exportOf()), bucket,
                    config.organization(), Duration.ofSeconds(config.waitSeconds()), Duration.ofMillis(config.pollMillis()));
            webhook = new CvatWebhook(settings, secrets::get, new ExportLedger(s3, bucket));
        }
        return webhook;
    }

    @Funq("cvat-webhook")
    public FunctionUrlResponse cvatWebhook(FunctionUrlRequest request) {
        try {
            return webhook().handle(request);
        } catch (IOException | IllegalArgumentException e) {
            return FunctionUrlResponse.json(500, java.util.Map.of("status", "misconfigured", "message", e.getMessage()));
        }
    }
}
