/**
 * The cloud edge: the Lambda function ({@code @Funq("convert")}) that turns an S3
 * {@code ObjectCreated} notification or a Step Functions payload into conversions, runs each
 * through {@link org.labelbridge.convert.Converter} in a work folder, and puts the output zip
 * and its report into the output bucket. Quarkus, the AWS SDK and S3 live here and nowhere
 * else (the CLI in {@code cli/} is the other edge).
 *
 * <p>A deployment is one {@link org.labelbridge.function.FunctionDescriptor} from
 * {@code functions/} (bundled into the jar, the same files Terraform reads), chosen by the
 * environment variable {@code LABELBRIDGE_FUNCTION}.
 */
package org.labelbridge.function;
