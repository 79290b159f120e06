# One Lambda per enabled descriptor of ../functions, all from the same zip; the descriptor's
# name (<from>-to-<to>) is the function's pair, its S3 key prefix and its env LABELBRIDGE_FUNCTION.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  descriptor_files = fileset("${path.module}/../functions", "*.json")

  # hcl4j (the infra test's parser) cannot read "${...}" templates inside a for expression: format().
  descriptors = {
    for f in local.descriptor_files :
    trimsuffix(f, ".json") => jsondecode(file(format("%s/../functions/%s", path.module, f)))
  }

  deploy_all = contains(var.enabled_functions, "*")

  functions = {
    for name, d in local.descriptors : name => d
    if local.deploy_all || contains(var.enabled_functions, name)
  }

  # The function the state machines invoke (stepfunctions.tf): the one named, else the first deployed.
  state_machine_function = coalesce(var.state_machine_function, try(sort(keys(local.functions))[0], ""))

  unknown_functions = [
    for name in var.enabled_functions : name
    if name != "*" && !contains(keys(local.descriptors), name)
  ]
}

resource "aws_s3_bucket" "input" {
  bucket        = var.input_bucket_name
  bucket_prefix = var.input_bucket_name == null ? "${var.name_prefix}-input-" : null
}

# The output bucket has no notification: what the functions write never triggers anything.
resource "aws_s3_bucket" "output" {
  bucket        = var.output_bucket_name
  bucket_prefix = var.output_bucket_name == null ? "${var.name_prefix}-output-" : null
}

resource "aws_cloudwatch_log_group" "convert" {
  for_each          = local.functions
  name              = "/aws/lambda/${var.name_prefix}-${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "convert" {
  for_each = local.functions

  function_name    = "${var.name_prefix}-${each.key}"
  description      = "labelbridge: converts ${each.value.from} to ${each.value.to}"
  role             = aws_iam_role.convert[each.key].arn
  runtime          = "java21"
  architectures    = ["arm64"]
  handler          = "org.labelbridge.function.ConvertHandler::handleRequest"
  filename         = var.lambda_zip
  source_code_hash = filebase64sha256(var.lambda_zip)
  memory_size      = each.value.memory_mb
  timeout          = each.value.timeout_s

  reserved_concurrent_executions = var.reserved_concurrency

  # SnapStart snapshots a published version after init (JVM and Quarkus booted, no S3 client,
  # no credentials, no work folder yet: see the README's "The function"); everything invokes
  # the alias below, which follows the latest published version.
  publish = true
  snap_start {
    apply_on = "PublishedVersions"
  }

  ephemeral_storage {
    size = try(each.value.ephemeral_storage_mb, var.ephemeral_storage_mb)
  }

  environment {
    variables = {
      LABELBRIDGE_FUNCTION      = each.key
      LABELBRIDGE_OUTPUT_BUCKET = aws_s3_bucket.output.bucket
      QUARKUS_FUNQY_EXPORT      = "convert"
      LABELBRIDGE_EVENTS_BUS    = var.labeling_loop ? "default" : "none"
    }
  }

  depends_on = [aws_cloudwatch_log_group.convert, aws_iam_role_policy.convert]

  lifecycle {
    precondition {
      condition     = try(each.value.ephemeral_storage_mb, var.ephemeral_storage_mb) <= 512
      error_message = "functions/${each.key}.json: ephemeral_storage_mb above 512 is refused with SnapStart."
    }
  }
}

# What the S3 notification, the permission, the failure destination and Step Functions invoke:
# a published version (SnapStart applies to versions only, never to $LATEST).
resource "aws_lambda_alias" "convert" {
  for_each = local.functions

  name             = "live"
  function_name    = aws_lambda_function.convert[each.key].function_name
  function_version = aws_lambda_function.convert[each.key].version
}

resource "aws_lambda_permission" "s3_invoke" {
  for_each = local.functions

  statement_id   = "AllowInvokeFromInputBucket"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.convert[each.key].function_name
  qualifier      = aws_lambda_alias.convert[each.key].name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.input.arn
  source_account = data.aws_caller_identity.current.account_id
}

# A bucket has exactly one notification configuration: one lambda_function block per
# function, each filtered by its own key prefix.
resource "aws_s3_bucket_notification" "input" {
  bucket = aws_s3_bucket.input.id

  dynamic "lambda_function" {
    for_each = local.functions
    content {
      id                  = lambda_function.key
      lambda_function_arn = aws_lambda_alias.convert[lambda_function.key].arn
      events              = ["s3:ObjectCreated:*"]
      filter_prefix       = "${lambda_function.key}/"
    }
  }

  depends_on = [aws_lambda_permission.s3_invoke]

  lifecycle {
    precondition {
      condition     = length(local.unknown_functions) == 0
      error_message = "enabled_functions names functions without a descriptor in functions/: ${join(", ", local.unknown_functions)}"
    }
  }
}
