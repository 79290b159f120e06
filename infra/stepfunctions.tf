# Example Step Functions state machines (statemachines/*.asl.json): convert-archive converts
# one archive, convert-prefix fans out over every archive under an S3 prefix (a distributed
# Map). Both invoke the alias of the function local.state_machine_function (main.tf) with the function's own payload:
# S3 URIs only, never annotations (a state holds at most 256 KiB).

variable "state_machine_function" {
  description = "The deployed function (a name in enabled_functions) the state machines invoke. A payload's from/to choose the pair; this function's memory and timeout apply. Null: the first deployed function, by name."
  type        = string
  default     = null
}

# Failed executions (errors only, without their inputs: those are S3 URIs and options) are logged here.
resource "aws_cloudwatch_log_group" "states" {
  name              = "/aws/vendedlogs/states/${var.name_prefix}-conversions"
  retention_in_days = var.log_retention_days
}

resource "aws_sfn_state_machine" "convert_archive" {
  name     = "${var.name_prefix}-convert-archive"
  role_arn = aws_iam_role.states.arn

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.states.arn}:*"
    include_execution_data = false
    level                  = "ERROR"
  }
  definition = templatefile(format("%s/statemachines/convert-archive.asl.json", path.module), {
    function_arn  = try(aws_lambda_alias.convert[local.state_machine_function].arn, "")
    output_bucket = aws_s3_bucket.output.bucket
  })

  lifecycle {
    precondition {
      condition     = contains(keys(aws_lambda_function.convert), local.state_machine_function)
      error_message = "state_machine_function must name a deployed function (one of enabled_functions)."
    }
  }
}

resource "aws_sfn_state_machine" "convert_prefix" {
  name     = "${var.name_prefix}-convert-prefix"
  role_arn = aws_iam_role.states.arn

  logging_configuration {
    log_destination        = "${aws_cloudwatch_log_group.states.arn}:*"
    include_execution_data = false
    level                  = "ERROR"
  }
  definition = templatefile(format("%s/statemachines/convert-prefix.asl.json", path.module), {
    function_arn  = try(aws_lambda_alias.convert[local.state_machine_function].arn, "")
    output_bucket = aws_s3_bucket.output.bucket
  })

  lifecycle {
    precondition {
      condition     = contains(keys(aws_lambda_function.convert), local.state_machine_function)
      error_message = "state_machine_function must name a deployed function (one of enabled_functions)."
    }
  }
}

# The function the state machines invoke may also read s3://<input>/step-functions/* and write
# s3://<output>/step-functions/results/*: a state machine's payload names its source and its
# destination there. No function's trigger watches step-functions/, so nothing loops. Every
# other function keeps its own prefixes only (iam.tf).
data "aws_iam_policy_document" "step_functions_io" {
  statement {
    sid       = "ReadStepFunctionsInput"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.input.arn}/step-functions/*"]
  }

  statement {
    sid       = "WriteStepFunctionsResults"
    actions   = ["s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.output.arn}/step-functions/results/*"]
  }
}

resource "aws_iam_role_policy" "step_functions_io" {
  name   = "step-functions-io"
  role   = try(aws_iam_role.convert[local.state_machine_function].id, null)
  policy = data.aws_iam_policy_document.step_functions_io.json

  lifecycle {
    precondition {
      condition     = contains(keys(aws_iam_role.convert), local.state_machine_function)
      error_message = "state_machine_function must name a deployed function (one of enabled_functions)."
    }
  }
}

data "aws_iam_policy_document" "assume_states" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "states" {
  name_prefix        = "${var.name_prefix}-states-"
  assume_role_policy = data.aws_iam_policy_document.assume_states.json
}

# Invoke the one function, list the input bucket (the Map's ItemReader), write results and
# failure records under step-functions/ in the output bucket, and run the Map's child executions.
data "aws_iam_policy_document" "states" {
  statement {
    sid     = "InvokeConvert"
    actions = ["lambda:InvokeFunction"]
    resources = [
      try(aws_lambda_alias.convert[local.state_machine_function].arn, ""),
      format("%s:*", try(aws_lambda_alias.convert[local.state_machine_function].arn, "")),
    ]
  }

  # Step Functions delivers logs through CloudWatch Logs' log delivery API, which takes no resource ARN.
  statement {
    sid = "DeliverLogs"
    actions = ["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
      "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"]
    resources = ["*"]
  }

  # The output bucket's KMS key, when there is one: the failure records are written there.
  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "UseBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }

  statement {
    sid       = "ListInput"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.input.arn]
  }

  statement {
    sid       = "RecordResults"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.output.arn}/step-functions/*"]
  }

  statement {
    sid       = "StartMapChildren"
    actions   = ["states:StartExecution"]
    resources = [format("arn:%s:states:%s:%s:stateMachine:%s-convert-prefix", data.aws_partition.current.partition, var.region, data.aws_caller_identity.current.account_id, var.name_prefix)]
  }

  statement {
    sid       = "WatchMapChildren"
    actions   = ["states:DescribeExecution", "states:StopExecution"]
    resources = [format("arn:%s:states:%s:%s:execution:%s-convert-prefix/*", data.aws_partition.current.partition, var.region, data.aws_caller_identity.current.account_id, var.name_prefix)]
  }
}

resource "aws_iam_role_policy" "states" {
  name   = "run-conversions"
  role   = aws_iam_role.states.id
  policy = data.aws_iam_policy_document.states.json
}

output "state_machines" {
  description = "Step Functions state machines: convert_archive (input: the function's payload) and convert_prefix (input: {bucket, prefix, payload})."
  value = {
    convert_archive = aws_sfn_state_machine.convert_archive.arn
    convert_prefix  = aws_sfn_state_machine.convert_prefix.arn
  }
}
