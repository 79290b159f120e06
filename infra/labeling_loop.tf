# The labeling loop (README "The labeling loop"): CVAT's webhook calls the cvat-webhook function
# through its function URL; the function asks CVAT to export the finished task to the input
# bucket (attached in CVAT as cloud storage) under auto-to-<cvat_export_target>/, where the
# convert function's trigger takes it; every conversion then puts an EventBridge event on the
# default bus, and an example rule forwards those events to an SNS topic.
#
# Everything here exists only with labeling_loop = true: without it, no resource below is
# created and the convert functions get LABELBRIDGE_EVENTS_BUS = "none" (no events, no calls).

variable "labeling_loop" {
  description = "Deploy the labeling loop: the cvat-webhook function and its URL, its secret, EventBridge events after every conversion, and an example rule to an SNS topic."
  type        = bool
  default     = false
}

variable "cvat_export_target" {
  description = "The target format CVAT's exports are converted to: they land under auto-to-<this>/ (that function must be in enabled_functions)."
  type        = string
  default     = "yolo"
}

variable "cvat_export_format" {
  description = "CVAT's export format, by its display name in CVAT."
  type        = string
  default     = "CVAT for images 1.1"
}

variable "cvat_save_images" {
  description = "Export images with the annotations."
  type        = bool
  default     = true
}

variable "cvat_cloud_storage_id" {
  description = "The id CVAT gave the input bucket when it was attached as cloud storage. Null until then: the webhook answers 500 'misconfigured'."
  type        = number
  default     = null
}

variable "cvat_trigger" {
  description = "What starts an export: state:<value> or stage:<value> of a job (state:completed, stage:acceptance)."
  type        = string
  default     = "state:completed"
}

variable "cvat_trigger_scope" {
  description = "job: a job reaching cvat_trigger exports its task; task: only when every job of the task has."
  type        = string
  default     = "job"
}

variable "cvat_export_of" {
  description = "task: export the task; project: export the task's whole project."
  type        = string
  default     = "task"
}

variable "cvat_organization" {
  description = "The slug of the CVAT organization the tasks belong to (sent as X-Organization). Null: none."
  type        = string
  default     = null
}

variable "cvat_ssm_parameter" {
  description = "Read the CVAT secret from this existing SSM SecureString parameter (its name, /...) instead of the Secrets Manager secret this module creates."
  type        = string
  default     = null
}

variable "cvat_webhook_concurrency" {
  description = "Concurrent executions reserved for, and capping, the webhook function; its URL is public, so a cap (e.g. 5) bounds what a flood of unsigned requests can cost. -1: none reserved (an account with a low concurrency limit cannot reserve any)."
  type        = number
  default     = -1
}

# The CVAT URL, access token and webhook secret, as one JSON object (README "The labeling loop").
# Terraform creates the secret, never its value: the value would sit in the state in clear.
resource "aws_secretsmanager_secret" "cvat" {
  count = var.labeling_loop && var.cvat_ssm_parameter == null ? 1 : 0

  name_prefix = "${var.name_prefix}-cvat-"
  description = "labelbridge cvat-webhook: {\"url\", \"token\", \"webhook_secret\"} of the CVAT server"
  kms_key_id  = var.kms_key_arn
}

resource "aws_cloudwatch_log_group" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  name              = "/aws/lambda/${var.name_prefix}-cvat-webhook"
  retention_in_days = var.log_retention_days
}

resource "aws_iam_role" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  name_prefix        = "${var.name_prefix}-cvat-webhook-"
  assume_role_policy = data.aws_iam_policy_document.assume_lambda.json
}

# Read its own secret, claim exports with marker objects under cvat-webhook/exports/ in the input
# bucket (no trigger watches that prefix), write its own logs. Nothing else: CVAT, not the
# function, writes the export into the bucket.
data "aws_iam_policy_document" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  statement {
    sid       = "ReadCvatSecret"
    actions   = var.cvat_ssm_parameter == null ? ["secretsmanager:GetSecretValue"] : ["ssm:GetParameter"]
    resources = [var.cvat_ssm_parameter == null ? try(aws_secretsmanager_secret.cvat[0].arn, "") : format("arn:%s:ssm:%s:%s:parameter%s", data.aws_partition.current.partition, var.region, data.aws_caller_identity.current.account_id, coalesce(var.cvat_ssm_parameter, "/"))]
  }

  statement {
    sid       = "ClaimExports"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.input.arn}/cvat-webhook/exports/*"]
  }

  statement {
    sid       = "OwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${try(aws_cloudwatch_log_group.cvat_webhook[0].arn, "")}:*"]
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]
    content {
      sid       = "UseKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  name   = "cvat-webhook"
  role   = aws_iam_role.cvat_webhook[0].id
  policy = data.aws_iam_policy_document.cvat_webhook[0].json
}

resource "aws_lambda_function" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  function_name    = "${var.name_prefix}-cvat-webhook"
  description      = "labelbridge: CVAT webhook, asks CVAT to export finished work to auto-to-${var.cvat_export_target}/"
  role             = aws_iam_role.cvat_webhook[0].arn
  runtime          = "java21"
  architectures    = ["arm64"]
  handler          = "org.labelbridge.function.ConvertHandler::handleRequest"
  filename         = var.lambda_zip
  source_code_hash = filebase64sha256(var.lambda_zip)
  memory_size      = 1024
  timeout          = 30

  reserved_concurrent_executions = var.cvat_webhook_concurrency

  environment {
    variables = {
      QUARKUS_FUNQY_EXPORT              = "cvat-webhook"
      LABELBRIDGE_CVAT_SECRET_ID        = var.cvat_ssm_parameter == null ? try(aws_secretsmanager_secret.cvat[0].arn, "") : var.cvat_ssm_parameter
      LABELBRIDGE_CVAT_BUCKET           = aws_s3_bucket.input.bucket
      LABELBRIDGE_CVAT_CLOUD_STORAGE_ID = var.cvat_cloud_storage_id == null ? "" : tostring(var.cvat_cloud_storage_id)
      LABELBRIDGE_CVAT_TARGET           = var.cvat_export_target
      LABELBRIDGE_CVAT_FORMAT           = var.cvat_export_format
      LABELBRIDGE_CVAT_SAVE_IMAGES      = tostring(var.cvat_save_images)
      LABELBRIDGE_CVAT_TRIGGER          = var.cvat_trigger
      LABELBRIDGE_CVAT_SCOPE            = var.cvat_trigger_scope
      LABELBRIDGE_CVAT_EXPORT_OF        = var.cvat_export_of
      LABELBRIDGE_CVAT_ORGANIZATION     = var.cvat_organization == null ? "" : var.cvat_organization
    }
  }

  depends_on = [aws_cloudwatch_log_group.cvat_webhook, aws_iam_role_policy.cvat_webhook]

  lifecycle {
    precondition {
      condition     = local.deploy_all || contains(var.enabled_functions, "auto-to-${var.cvat_export_target}")
      error_message = "cvat_export_target: CVAT's exports land under auto-to-<target>/, so auto-to-<target> must be in enabled_functions."
    }
  }
}

# Authorization NONE: CVAT cannot sign a request with AWS SigV4, so the URL is public and the
# function authenticates every delivery itself by its X-Signature-256 (HMAC-SHA256 of the body
# with the webhook secret); an unsigned or wrongly signed delivery gets 401 and does nothing.
resource "aws_lambda_function_url" "cvat_webhook" {
  count = var.labeling_loop ? 1 : 0

  function_name      = aws_lambda_function.cvat_webhook[0].function_name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "cvat_webhook_url" {
  count = var.labeling_loop ? 1 : 0

  statement_id           = "AllowPublicFunctionUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.cvat_webhook[0].function_name
  principal              = "*"
  function_url_auth_type = "NONE"
}

# The convert functions may put events on the default bus, and nothing else on EventBridge.
data "aws_iam_policy_document" "put_events" {
  statement {
    sid       = "PutConversionEvents"
    actions   = ["events:PutEvents"]
    resources = [format("arn:%s:events:%s:%s:event-bus/default", data.aws_partition.current.partition, var.region, data.aws_caller_identity.current.account_id)]
  }
}

resource "aws_iam_role_policy" "put_events" {
  for_each = var.labeling_loop ? toset(keys(aws_iam_role.convert)) : toset([])

  name   = "put-events"
  role   = aws_iam_role.convert[each.key].id
  policy = data.aws_iam_policy_document.put_events.json
}

# The example consumer: every conversion event to an SNS topic. A training side subscribes its
# own target instead (a state machine, a SageMaker pipeline: README "The labeling loop").
resource "aws_sns_topic" "conversions" {
  count = var.labeling_loop ? 1 : 0

  name_prefix       = "${var.name_prefix}-conversions-"
  kms_master_key_id = var.kms_key_arn
}

resource "aws_cloudwatch_event_rule" "conversions" {
  count = var.labeling_loop ? 1 : 0

  name_prefix = "${var.name_prefix}-conversions-"
  description = "labelbridge: every Dataset converted and Conversion failed event"
  event_pattern = jsonencode({
    source        = ["labelbridge"]
    "detail-type" = ["Dataset converted", "Conversion failed"]
  })
}

resource "aws_cloudwatch_event_target" "conversions" {
  count = var.labeling_loop ? 1 : 0

  rule = aws_cloudwatch_event_rule.conversions[0].name
  arn  = aws_sns_topic.conversions[0].arn
}

data "aws_iam_policy_document" "conversions_topic" {
  count = var.labeling_loop ? 1 : 0

  statement {
    sid       = "EventBridgePublishes"
    actions   = ["sns:Publish"]
    resources = [try(aws_sns_topic.conversions[0].arn, "")]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [try(aws_cloudwatch_event_rule.conversions[0].arn, "")]
    }
  }
}

resource "aws_sns_topic_policy" "conversions" {
  count = var.labeling_loop ? 1 : 0

  arn    = aws_sns_topic.conversions[0].arn
  policy = data.aws_iam_policy_document.conversions_topic[0].json
}

output "cvat_webhook_url" {
  description = "Register this as the webhook's Target URL in CVAT (null without labeling_loop)."
  value       = try(aws_lambda_function_url.cvat_webhook[0].function_url, null)
}

output "cvat_secret_arn" {
  description = "Put the CVAT secret's JSON here (null without labeling_loop, or with cvat_ssm_parameter)."
  value       = try(aws_secretsmanager_secret.cvat[0].arn, null)
}

output "conversions_topic_arn" {
  description = "The example SNS topic that receives every conversion event (null without labeling_loop)."
  value       = try(aws_sns_topic.conversions[0].arn, null)
}
