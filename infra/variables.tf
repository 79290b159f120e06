variable "region" {
  description = "AWS region for the buckets and functions."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name (functions are named <name_prefix>-<from>-to-<to>)."
  type        = string
  default     = "labelbridge"
}

variable "input_bucket_name" {
  description = "Name of the input bucket (uploads trigger conversions). Null: a unique name starting with <name_prefix>-input-."
  type        = string
  default     = null
}

variable "output_bucket_name" {
  description = "Name of the output bucket (converted zips and reports; never triggers anything). Null: a unique name starting with <name_prefix>-output-."
  type        = string
  default     = null
}

variable "enabled_functions" {
  description = "Which descriptors of functions/ to deploy, by name (<from>-to-<to>); [\"*\"] deploys all of them. The default deploys one function per target format, each detecting its source format."
  type        = list(string)
  default = [
    "auto-to-coco",
    "auto-to-cvat_images",
    "auto-to-datumaro",
    "auto-to-voc",
    "auto-to-yolo",
  ]

  validation {
    condition     = length(var.enabled_functions) > 0
    error_message = "enabled_functions must name at least one function (or \"*\" for all)."
  }
}

variable "lambda_zip" {
  description = "The function package built by `mvn package`, relative to the directory terraform runs in."
  type        = string
  default     = "../target/function.zip"
}

variable "ephemeral_storage_mb" {
  description = "/tmp size of each function, unless its descriptor sets ephemeral_storage_mb. A zip is read from S3 and its output streamed back, so /tmp holds only spooled annotation files (and a tar's extracted contents); SnapStart allows at most 512."
  type        = number
  default     = 512

  validation {
    condition     = var.ephemeral_storage_mb == 512
    error_message = "ephemeral_storage_mb must be 512: Lambda gives no less, and SnapStart (on every function) allows no more."
  }
}

variable "failure_alarm_actions" {
  description = "ARNs (an SNS topic) notified when the failure queue holds a message. Empty: the alarm is only shown in CloudWatch."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "How long the functions' CloudWatch logs are kept."
  type        = number
  default     = 14
}

variable "kms_key_arn" {
  description = "KMS key for the buckets and the failure queue. Null: SSE-S3 (AES256) and SQS-managed encryption."
  type        = string
  default     = null
}

variable "report_expiration_days" {
  description = "Delete reports and error reports (tagged labelbridge-kind=report) this many days after they are written. Null: keep them."
  type        = number
  default     = null
}

variable "noncurrent_version_expiration_days" {
  description = "Keep overwritten or deleted outputs (noncurrent versions in the versioned output bucket) this many days."
  type        = number
  default     = 30
}

variable "reserved_concurrency" {
  description = "Concurrent executions reserved for (and capping) each function; -1: none reserved, the account's pool."
  type        = number
  default     = -1
}
