output "input_bucket" {
  description = "Upload archives here, under <from>-to-<to>/ (one prefix per deployed function)."
  value       = aws_s3_bucket.input.bucket
}

output "output_bucket" {
  description = "Converted zips and their reports appear here, under <from>-to-<to>/."
  value       = aws_s3_bucket.output.bucket
}

output "functions" {
  description = "Deployed functions: descriptor name => Lambda function name."
  value       = { for name, f in aws_lambda_function.convert : name => f.function_name }
}

output "function_arns" {
  description = "Deployed functions: descriptor name => ARN (for Step Functions)."
  value       = { for name, f in aws_lambda_function.convert : name => f.arn }
}

output "upload_prefixes" {
  description = "Key prefixes of the input bucket that trigger a conversion."
  value       = [for name in keys(local.functions) : format("s3://%s/%s/", aws_s3_bucket.input.bucket, name)]
}

output "failure_queue_url" {
  description = "SQS queue receiving S3-triggered invocations that still failed after Lambda's retries."
  value       = aws_sqs_queue.failures.url
}
