package org.labelbridge.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's settings. Terraform sets them as environment variables
 * ({@code LABELBRIDGE_FUNCTION}, {@code LABELBRIDGE_OUTPUT_BUCKET}, {@code LABELBRIDGE_WORK_DIR}, ...);
 * {@code ./labelbridge serve} reads the same variables, with the same defaults
 * ({@link #fromEnvironment}).
 * The archive limits ({@code LABELBRIDGE_MAX_ENTRIES}, ...) are read from the environment as the
 * CLI reads them (see {@link org.labelbridge.archive.ArchiveLimits}).
 */
@ConfigMapping(prefix = "labelbridge")
public interface FunctionConfig {

    /** The tag reports carry by default; infra/'s lifecycle rule expires objects with it. */
    String REPORT_TAGGING = "labelbridge-kind=report";

    /**
     * The tag a scratch copy (a tar.gz inflated beside the output) carries while tags are on;
     * infra/'s lifecycle rule expires what a killed function could not delete.
     */
    String SCRATCH_TAGGING = "labelbridge-kind=scratch";

    /** The descriptor this Lambda serves, {@code <from>-to-<to>}; S3 events need it. */
    Optional<String> function();

    /** Where outputs go unless a payload names a destination. */
    Optional<String> outputBucket();

    /**
     * Where each conversion's work folder is made (the files a target writes last, spooled:
     * nothing else, as every input is read from S3 in place, a tar.gz through a scratch object
     * beside the output); Lambda can only write to /tmp.
     */
    @WithDefault("/tmp")
    Path workDir();

    /** Attempts per S3 transfer (download, upload, part) before the invocation fails as transient. */
    @WithDefault("4")
    int s3Attempts();

    /** The first retry waits up to this long, each next one up to twice as long (full jitter). */
    @WithDefault("200")
    long s3BackoffMs();

    /**
     * The tag set reports and error reports carry ({@code key=value&...}), for the output bucket's
     * lifecycle rule; {@code none} for none (S3Proxy, in the tests, does not take tags).
     */
    @WithDefault(REPORT_TAGGING)
    String reportTagging();

    /** Outputs larger than this go up in parts of this size (S3 takes parts from 5 MB). */
    @WithDefault("16")
    int uploadPartMb();

    /** Parts of one output in flight at once; each holds a part in memory. */
    @WithDefault("4")
    int uploadParallelParts();

    /**
     * The settings from environment variables ({@code LABELBRIDGE_WORK_DIR}, ...) and system
     * properties ({@code labelbridge.work-dir}), with this interface's defaults: what a
     * deployment reads, for code that runs without Quarkus ({@code ./labelbridge serve}).
     */
    static FunctionConfig fromEnvironment(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new SysPropConfigSource())
                .withMapping(FunctionConfig.class)
                .withValidateUnknown(false) // other settings under labelbridge.* (the webhook's) are not ours
                .build()
                .getConfigMapping(FunctionConfig.class);
    }
}
