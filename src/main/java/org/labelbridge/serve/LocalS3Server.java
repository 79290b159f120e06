package org.labelbridge.serve;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server on loopback (S3Proxy, in process) whose buckets are the folders of
 * one local folder and whose objects are its files: {@code <folder>/<bucket>/<key>}. It accepts
 * any credentials (it listens on 127.0.0.1 only), so every S3 client works against it with
 * {@code --endpoint-url}.
 */
public final class LocalS3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3Server(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts the server over {@code folder} on {@code port} (0: any free one), creating the buckets. */
    public static LocalS3Server start(Path folder, int port, List<String> buckets) throws IOException {
        Files.createDirectories(folder);
        FilesystemNio2BlobStore store = new FilesystemNio2BlobStore(folder.toAbsolutePath().toString());
        for (String bucket : buckets) {
            if (!store.containerExists(bucket)) {
                store.createContainer(bucket);
            }
        }
        S3Proxy proxy = S3Proxy.builder().blobStore(store).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null).build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!"STARTED".equals(proxy.getState())) {
                if ("FAILED".equals(proxy.getState()) || System.currentTimeMillis() > deadline) {
                    throw new IOException("the S3 server did not start (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
        } catch (BindException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use; choose another with --port", e);
        } catch (IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the S3 server", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() instanceof BindException ? e.getCause() : e;
            throw new IOException(cause instanceof BindException
                    ? "port " + port + " on 127.0.0.1 is in use; choose another with --port"
                    : "cannot start the S3 server: " + e.getMessage(), e);
        }
        return new LocalS3Server(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * A client of this server: path-style, and, since the server takes any request (no
     * authentication, plain HTTP on loopback), unsigned and without checksums. Over plain HTTP
     * the SDK would otherwise sign every payload (a SHA-256 pass over each upload part) and add
     * a CRC32 to each: CPU spent on bytes that never leave the machine.
     */
    public S3Client client() {
        return client(endpoint);
    }

    static S3Client client(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IOException("cannot stop the S3 server: " + e.getMessage(), e);
        }
    }
}
