/**
 * The local bucket mode, {@code ./labelbridge serve}: an S3-compatible server on loopback
 * (S3Proxy over a local folder) with an input and an output bucket, and a poller that plays
 * S3's ObjectCreated notifications to the function's own code
 * ({@link org.labelbridge.function.FunctionInvocation}). S3Proxy is a provided dependency: on
 * the CLI's classpath ({@code target/serve-lib/}), never in the Lambda package.
 */
package org.labelbridge.serve;
