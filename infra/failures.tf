# Where an asynchronous invocation (an S3 event) goes when it fails: a queue someone can read,
# replay from, or alarm on. Encrypted at rest. Lambda does not retry: S3 errors are retried
# inside the function, and anything else (bad input) would fail the same way again.

resource "aws_sqs_queue" "failures" {
  name_prefix               = "${var.name_prefix}-failures-"
  message_retention_seconds = 1209600
  # The provider refuses sqs_managed_sse_enabled beside kms_master_key_id, even when false.
  sqs_managed_sse_enabled = var.kms_key_arn == null ? true : null
  kms_master_key_id       = var.kms_key_arn
}

resource "aws_lambda_function_event_invoke_config" "convert" {
  for_each = local.functions

  function_name                = aws_lambda_function.convert[each.key].function_name
  qualifier                    = aws_lambda_alias.convert[each.key].name
  maximum_retry_attempts       = 0
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.failures.arn
    }
  }
}

# Any failed S3-triggered conversion is worth a look: alarm on the first message.
resource "aws_cloudwatch_metric_alarm" "failures" {
  alarm_name          = "${var.name_prefix}-conversion-failures"
  alarm_description   = "An S3-triggered conversion failed; its event is in the failure queue (output failure_queue_url)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.failures.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.failure_alarm_actions
}
