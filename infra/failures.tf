# Where an asynchronous invocation (an S3 event) goes when it still fails after Lambda's own
# retries: a queue someone can read, replay from, or alarm on. Encrypted at rest.

resource "aws_sqs_queue" "failures" {
  name_prefix               = "${var.name_prefix}-failures-"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = var.kms_key_arn == null
  kms_master_key_id         = var.kms_key_arn
}

resource "aws_lambda_function_event_invoke_config" "convert" {
  for_each = local.functions

  function_name                = aws_lambda_function.convert[each.key].function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}
