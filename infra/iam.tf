# One role per function, each allowed only its own prefix: read <from>-to-<to>/* in the input
# bucket, write (and, to undo a half-written result, delete; to read back a scratch copy or
# the preview's zip, read) <from>-to-<to>/* in the output bucket, write its own log group, send to the failure queue, and use the KMS key when there
# is one. No wildcard beyond the function's own prefix; no s3:ListBucket (a missing key then
# answers 403, which the function reports as missing or not readable).

data "aws_iam_policy_document" "assume_lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "convert" {
  for_each = local.functions

  name_prefix        = substr("${var.name_prefix}-${each.key}-", 0, 38)
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

data "aws_iam_policy_document" "convert" {
  for_each = local.functions

  statement {
    sid       = "ReadOwnInputPrefix"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.input.arn}/${each.key}/*"]
  }

  # PutObjectTagging: reports and scratch copies carry the tags the output lifecycle rules
  # expire them by. GetObject: a tar.gz's scratch copy (and the preview's zip) is read back.
  statement {
    sid       = "WriteOwnOutputPrefix"
    actions   = ["s3:PutObject", "s3:PutObjectTagging", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${aws_s3_bucket.output.arn}/${each.key}/*"]
  }

  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.convert[each.key].arn}:*"]
  }

  statement {
    sid       = "ReportFailures"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failures.arn]
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "UseBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "convert" {
  for_each = local.functions

  name   = "convert"
  role   = aws_iam_role.convert[each.key].id
  policy = data.aws_iam_policy_document.convert[each.key].json
}
