/**
 * The labeling loop's entry: the {@code cvat-webhook} Lambda ({@code @Funq("cvat-webhook")},
 * behind a Lambda function URL) that receives CVAT's webhook deliveries, checks their
 * {@code X-Signature-256} over the raw body, and, when a job (or every job of a task) reaches the
 * configured state or stage, asks CVAT's REST API to export the task's (or its project's) dataset
 * to the S3 cloud storage attached in CVAT, under the {@code auto-to-<target>/} prefix of the
 * input bucket, where the convert function's trigger takes it. A marker object written with a
 * conditional put makes a replayed delivery export once. The CVAT URL, token and webhook secret
 * come from Secrets Manager or an SSM SecureString ({@link org.labelbridge.function.cvat.CvatSecretSource}).
 *
 * <p>CVAT API: {@code POST /api/{tasks|projects}/{id}/dataset/export} with {@code format},
 * {@code filename}, {@code location=cloud_storage}, {@code cloud_storage_id}, {@code save_images}
 * answers 202 {@code {"rq_id"}} (409 with the running request's id); {@code GET /api/requests/{rq_id}}
 * answers {@code status} queued, started, finished or failed (with {@code message}).
 */
package org.labelbridge.function.cvat;
