/**
 * The cloud edge: the Lambda function ({@code @Funq("convert")}) that turns an S3
 * {@code ObjectCreated} notification or a Step Functions payload into conversions, runs each
 * through {@link org.labelbridge.convert.Converter}, reading the input from S3 in place (ranged
 * GETs) and uploading the output zip while it is written, then its page and (when option
 * {@code preview} is above 0) its preview, then its report, logging JSON lines
 * and one metrics line per conversion. {@link org.labelbridge.function.ConvertHandler} is the
 * Lambda handler. The work is {@link org.labelbridge.function.FunctionInvocation}'s, which the
 * local bucket mode ({@code serve/}) runs too; Quarkus lives here and nowhere else.
 *
 * <p>A deployment is one {@link org.labelbridge.function.FunctionDescriptor} from
 * {@code functions/} (bundled into the jar, the same files Terraform reads), chosen by the
 * environment variable {@code LABELBRIDGE_FUNCTION}.
 *
 * <p>With {@code LABELBRIDGE_EVENTS_BUS} set, each conversion ends with an EventBridge event
 * ({@link org.labelbridge.function.ConversionEvents}); EventBridge, Secrets Manager and SSM are
 * called through {@link org.labelbridge.function.AwsJsonApi}. The same jar's {@code cvat-webhook}
 * export lives in {@code function/cvat}.
 */
package org.labelbridge.function;
