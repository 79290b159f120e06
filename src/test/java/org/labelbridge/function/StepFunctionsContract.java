package org.labelbridge.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelbridge.testing.AslInterpreter;
import org.labelbridge.testing.AslValidator;
import org.labelbridge.testing.AslInterpreter.Outcome;
import org.labelbridge.testing.AslInterpreter.TaskFailure;

/**
 * The contract between infra/statemachines/*.asl.json and the function, as a list of problems
 * (empty when kept). The machines run in {@link AslInterpreter} against a fake Lambda that
 * reads each payload with the function's own types and planner ({@link ConvertInput},
 * {@link JobPlanner}) and answers with the function's own result type ({@link ConvertResult}),
 * so a payload field the function does not know, a result field it does not return, a lost
 * Retry or Catch, or a state that would carry more than URIs and counts shows up here.
 */
final class StepFunctionsContract {

    static final String FUNCTION = "auto-to-yolo";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:labelbridge-" + FUNCTION;
    static final String OUTPUT_BUCKET = "labelbridge-output-x";
    /** What Terraform's templatefile() gives the machines (see infra/stepfunctions.tf). */
    static final Map<String, String> TEMPLATE_VARIABLES = Map.of("function_arn", FUNCTION_ARN, "output_bucket", OUTPUT_BUCKET);
    static final List<String> TRANSIENT_LAMBDA_ERRORS = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
    /** S3 kept failing inside the function: worth another invocation later (see ConvertHandler). */
    static final String STORAGE_ERROR = StorageUnavailableException.class.getName();
    /** Far below the 256 KiB a state may hold: results must be URIs and counts, never annotations. */
    static final int MAX_STATE_BYTES = 8 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final List<String> problems = new ArrayList<>();

    private StepFunctionsContract() {
    }

    /** The problems of the two machines' texts, as in infra/statemachines/ (placeholders unfilled). */
    static List<String> problems(String archiveText, String prefixText) {
        StepFunctionsContract contract = new StepFunctionsContract();
        // A machine Step Functions would refuse is not run.
        JsonNode archive = contract.parse("convert-archive", archiveText);
        JsonNode prefix = contract.parse("convert-prefix", prefixText);
        if (archive != null) {
            contract.checkLambdaTasks("convert-archive", archive.get("States"));
            contract.archiveConverts(archive);
            contract.archiveFailureIsRecorded(archive);
            contract.transientLambdaErrorsAreRetried(archive);
        }
        if (prefix != null) {
            contract.checkLambdaTasks("convert-prefix", prefix.get("States"));
            contract.prefixFansOut(prefix);
            contract.prefixNeedsOnlyABucket(prefix);
        }
        return contract.problems;
    }

    private JsonNode parse(String name, String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = TEMPLATE_VARIABLES.get(m.group(1));
            if (value == null) {
                problems.add(name + ": placeholder ${" + m.group(1) + "} is not one infra/stepfunctions.tf fills ("
                        + new TreeSet<>(TEMPLATE_VARIABLES.keySet()) + ")");
                value = m.group();
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        try {
            JsonNode machine = JSON.readTree(filled.toString());
            List<String> invalid = AslValidator.validate(machine);
            invalid.forEach(p -> problems.add(name + ": " + p));
            return invalid.isEmpty() ? machine : null;
        } catch (JsonProcessingException e) {
            problems.add(name + ": not JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    /** Every Lambda task retries the transient Lambda errors (only those) and catches the rest. */
    private void checkLambdaTasks(String machine, JsonNode states) {
        if (states == null) {
            return;
        }
        states.fields().forEachRemaining(e -> {
            JsonNode state = e.getValue();
            String where = machine + " state '" + e.getKey() + "'";
            if ("arn:aws:states:::lambda:invoke".equals(state.path("Resource").asText())) {
                List<String> retried = new ArrayList<>();
                state.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(n -> retried.add(n.asText())));
                if (!retried.containsAll(TRANSIENT_LAMBDA_ERRORS)) {
                    problems.add(where + ": Retry must list " + TRANSIENT_LAMBDA_ERRORS + ", lists " + retried);
                }
                if (!retried.contains(STORAGE_ERROR)) {
                    problems.add(where + ": Retry must list " + STORAGE_ERROR + " (S3 was down, not the input bad), lists "
                            + retried);
                }
                if (retried.contains("States.ALL") || retried.contains("States.TaskFailed")) {
                    problems.add(where + ": Retry must not retry the function's own errors (a conversion that failed"
                            + " fails again), lists " + retried);
                }
                boolean catchesAll = false;
                for (JsonNode c : state.path("Catch")) {
                    for (JsonNode n : c.path("ErrorEquals")) {
                        catchesAll |= n.asText().equals("States.ALL");
                    }
                }
                if (!catchesAll) {
                    problems.add(where + ": needs a Catch of States.ALL that records the failure");
                }
            }
            if (state.has("ItemProcessor")) {
                checkLambdaTasks(machine, state.get("ItemProcessor").get("States"));
            }
        });
    }

    // --- scenarios ----------------------------------------------------------------------------

    private void archiveConverts(JsonNode machine) {
        FakeCloud cloud = new FakeCloud();
        JsonNode input = json("""
                {"source": "s3://in/batches/7/cvat.zip", "from": "auto", "to": "voc",
                 "options": {"shapes_to_boxes": true}, "destination": "s3://out/runs/7/"}""");
        Outcome outcome = run("convert-archive", machine, cloud, input);
        if (outcome == null) {
            return;
        }
        expect(outcome.succeeded(), "convert-archive: a good payload failed: " + outcome.error() + " " + outcome.cause());
        expect(cloud.payloads.size() == 1 && cloud.payloads.get(0).equals(input),
                "convert-archive: the function must get the execution input as its payload, got " + cloud.payloads);
        if (outcome.succeeded()) {
            JsonNode output = outcome.output();
            expect("converted".equals(output.path("status").asText()), "convert-archive: output status " + output);
            expect("s3://out/runs/7/cvat.zip".equals(output.at("/conversions/0/output").asText()),
                    "convert-archive: output must say where the zip went, got " + output);
            expect("coco".equals(output.at("/conversions/0/detection/format").asText()),
                    "convert-archive: output must carry the detection, got " + output);
        }
    }

    private void archiveFailureIsRecorded(JsonNode machine) {
        FakeCloud cloud = new FakeCloud();
        Outcome outcome = run("convert-archive", machine, cloud, json("{\"source\": \"s3://in/batches/7/broken.zip\"}"));
        if (outcome == null) {
            return;
        }
        expect(!outcome.succeeded(), "convert-archive: a failed conversion must fail the execution");
        expect(FakeCloud.LAMBDA_ERROR.equals(outcome.error()),
                "convert-archive: the execution must fail with the function's error, got " + outcome.error());
        expect(outcome.cause() != null && outcome.cause().contains("corrupt archive"),
                "convert-archive: the execution's cause must be the function's message, got " + outcome.cause());
        expect(cloud.lambdaCalls == 1, "convert-archive: a function error must not be retried, calls: " + cloud.lambdaCalls);
        String key = "step-functions/failures/execution-1.json";
        JsonNode record = cloud.objects.get(OUTPUT_BUCKET + "/" + key);
        expect(record != null, "convert-archive: the failure must be recorded as s3://" + OUTPUT_BUCKET + "/" + key
                + ", objects: " + cloud.objects.keySet());
        if (record != null) {
            expect("s3://in/batches/7/broken.zip".equals(record.at("/input/source").asText())
                            && FakeCloud.LAMBDA_ERROR.equals(record.path("error").asText())
                            && record.path("cause").asText().contains("corrupt archive"),
                    "convert-archive: the failure record must name the source, the error and its cause: " + record);
        }
    }

    /** Lambda's own transient errors, and S3 failing inside the function, are retried and then succeed. */
    private void transientLambdaErrorsAreRetried(JsonNode machine) {
        List<String> transientErrors = new ArrayList<>(TRANSIENT_LAMBDA_ERRORS);
        transientErrors.add(STORAGE_ERROR);
        for (String error : transientErrors) {
            FakeCloud cloud = new FakeCloud();
            cloud.transientFailures = 2;
            cloud.transientError = error;
            Outcome outcome = run("convert-archive", machine, cloud, json("{\"source\": \"s3://in/a.zip\"}"));
            if (outcome != null) {
                expect(outcome.succeeded() && cloud.lambdaCalls == 3,
                        "convert-archive: " + error + " twice must be retried and then succeed; outcome " + outcome
                                + ", calls " + cloud.lambdaCalls);
            }
        }
    }

    private void prefixFansOut(JsonNode machine) {
        FakeCloud cloud = new FakeCloud();
        cloud.listing.put("in", List.of("batches/7/a.zip", "batches/7/team a/b.tar.gz", "batches/7/notes.txt",
                "batches/7/empty/", "batches/7/broken.zip", "batches/7/a.report.json", "batches/70/other.zip"));
        Outcome outcome = run("convert-prefix", machine, cloud, json("""
                {"bucket": "in", "prefix": "batches/7/",
                 "payload": {"to": "voc", "options": {"keep_images": false}, "destination": "s3://out/runs/7/"}}"""));
        if (outcome == null) {
            return;
        }
        expect(outcome.succeeded(), "convert-prefix: failed: " + outcome.error() + " " + outcome.cause());
        List<String> sources = new ArrayList<>();
        cloud.payloads.forEach(p -> sources.add(p.path("source").asText()));
        expect(sources.equals(List.of("s3://in/batches/7/a.zip", "s3://in/batches/7/team a/b.tar.gz",
                        "s3://in/batches/7/broken.zip")),
                "convert-prefix: the function must get each archive under the prefix once, got " + sources);
        expect(cloud.outputs.equals(List.of("s3://out/runs/7/a.zip", "s3://out/runs/7/team a/b.zip")),
                "convert-prefix: outputs must keep the folders below the prefix, got " + cloud.outputs);
        for (JsonNode payload : cloud.payloads) {
            expect("voc".equals(payload.path("to").asText()) && !payload.at("/options/keep_images").asBoolean(true),
                    "convert-prefix: each payload must carry the run's payload fields, got " + payload);
        }
        JsonNode written = cloud.resultWriter;
        expect(written != null && OUTPUT_BUCKET.equals(written.path("Bucket").asText())
                        && written.path("Prefix").asText().startsWith("step-functions/"),
                "convert-prefix: results must be collected into s3://" + OUTPUT_BUCKET + "/step-functions/, got " + written);
        if (written != null) {
            Map<String, String> statusBySource = new LinkedHashMap<>();
            for (JsonNode r : written.path("Results")) {
                String source = r.has("source") ? r.get("source").asText() : r.at("/conversion/input").asText();
                statusBySource.put(source, r.path("status").asText());
            }
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("s3://in/batches/7/a.zip", "converted");
            expected.put("s3://in/batches/7/team a/b.tar.gz", "converted");
            expected.put("s3://in/batches/7/notes.txt", "skipped");
            expected.put("s3://in/batches/7/empty/", "skipped");
            expected.put("s3://in/batches/7/broken.zip", "failed");
            expected.put("s3://in/batches/7/a.report.json", "skipped");
            expect(statusBySource.equals(expected), "convert-prefix: per-archive results must be " + expected + ", got "
                    + statusBySource);
            for (JsonNode r : written.path("Results")) {
                if ("failed".equals(r.path("status").asText())) {
                    expect(FakeCloud.LAMBDA_ERROR.equals(r.path("error").asText())
                                    && r.path("cause").asText().contains("corrupt archive"),
                            "convert-prefix: a failed archive's result must carry the error and cause, got " + r);
                }
                if ("converted".equals(r.path("status").asText())) {
                    expect(r.at("/conversion/output").asText().startsWith("s3://")
                                    && r.at("/conversion/report").asText().startsWith("s3://"),
                            "convert-prefix: a converted archive's result must say where its zip and report are: " + r);
                }
            }
        }
        expect(outcome.succeeded() && outcome.output().at("/results/ResultWriterDetails/Key").isTextual(),
                "convert-prefix: the output must say where the results are, got " + outcome.output());
    }

    private void prefixNeedsOnlyABucket(JsonNode machine) {
        FakeCloud cloud = new FakeCloud();
        cloud.listing.put("in", List.of("set.zip"));
        Outcome outcome = run("convert-prefix", machine, cloud, json("{\"bucket\": \"in\"}"));
        if (outcome == null) {
            return;
        }
        expect(outcome.succeeded() && cloud.outputs.equals(List.of("s3://" + OUTPUT_BUCKET + "/auto-to-yolo/set.zip")),
                "convert-prefix: {\"bucket\": \"in\"} alone must convert the whole bucket with the function's"
                        + " defaults; outcome " + outcome + ", outputs " + cloud.outputs);
    }

    private Outcome run(String name, JsonNode machine, FakeCloud cloud, JsonNode input) {
        AslInterpreter interpreter = new AslInterpreter(machine, cloud::call);
        try {
            Outcome outcome = interpreter.run(input, "execution-1");
            for (AslInterpreter.Transition t : interpreter.transitions()) {
                int bytes = t.output() == null ? 0 : t.output().toString().length();
                expect(bytes <= MAX_STATE_BYTES, name + ": state '" + t.state() + "' holds " + bytes
                        + " bytes: states must carry S3 URIs and counts only");
            }
            cloud.problems.forEach(p -> problems.add(name + ": " + p));
            return outcome;
        } catch (AslInterpreter.RuntimeFailure e) {
            problems.add(name + ": States.Runtime: " + e.getMessage());
            return null;
        }
    }

    private void expect(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /**
     * Lambda and S3 as the machines' integrations see them. The Lambda reads its payload into
     * {@link ConvertInput} and plans it with {@link JobPlanner} as the deployment
     * {@value #FUNCTION}, fails like Funqy does for a key containing "broken", and otherwise
     * answers a {@link ConvertResult} for the planned outputs.
     */
    private static final class FakeCloud {
        /** The errorType of a failed conversion, as ConvertHandler lets it out of Funqy's wrapper. */
        static final String LAMBDA_ERROR = ConversionFailedException.class.getName();

        final List<JsonNode> payloads = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final Map<String, List<String>> listing = new LinkedHashMap<>();
        final Map<String, JsonNode> objects = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        JsonNode resultWriter;
        int lambdaCalls;
        int transientFailures;
        String transientError;

        JsonNode call(String resource, JsonNode parameters) throws TaskFailure {
            switch (resource) {
                case "arn:aws:states:::lambda:invoke" -> {
                    return invoke(parameters);
                }
                case "arn:aws:states:::s3:listObjectsV2" -> {
                    ArrayNode items = JSON.createArrayNode();
                    String prefix = parameters.path("Prefix").asText("");
                    for (String key : listing.getOrDefault(parameters.path("Bucket").asText(), List.of())) {
                        if (key.startsWith(prefix)) {
                            ObjectNode item = items.addObject();
                            item.put("Etag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
                            item.put("Key", key);
                            item.put("LastModified", 1764345600);
                            item.put("Size", 1024);
                            item.put("StorageClass", "STANDARD");
                        }
                    }
                    return items;
                }
                case "arn:aws:states:::aws-sdk:s3:putObject" -> {
                    try {
                        objects.put(parameters.path("Bucket").asText() + "/" + parameters.path("Key").asText(),
                                JSON.readTree(parameters.path("Body").asText()));
                    } catch (JsonProcessingException e) {
                        problems.add("putObject Body is not JSON text: " + parameters.path("Body"));
                    }
                    return JSON.createObjectNode().put("ETag", "\"x\"");
                }
                case "arn:aws:states:::s3:putObject" -> {
                    resultWriter = parameters;
                    return JSON.createObjectNode();
                }
                default -> {
                    problems.add("a state uses the integration '" + resource + "', which this contract does not know");
                    throw new TaskFailure("States.TaskFailed", "unknown integration " + resource);
                }
            }
        }

        private JsonNode invoke(JsonNode parameters) throws TaskFailure {
            lambdaCalls++;
            if (!FUNCTION_ARN.equals(parameters.path("FunctionName").asText())) {
                problems.add("lambda:invoke must name the function " + FUNCTION_ARN + ", names "
                        + parameters.path("FunctionName"));
            }
            if (transientFailures > 0) {
                transientFailures--;
                throw new TaskFailure(transientError, "Rate Exceeded.");
            }
            JsonNode payload = parameters.path("Payload");
            payloads.add(payload);
            Set<String> unknown = new TreeSet<>();
            payload.fieldNames().forEachRemaining(f -> {
                if (!ConvertInput.PAYLOAD_FIELDS.contains(f)) {
                    unknown.add(f);
                }
            });
            if (!unknown.isEmpty()) {
                problems.add("the payload has fields the function does not know: " + unknown);
            }
            List<ConversionJob> jobs;
            try {
                ConvertInput input = JSON.treeToValue(payload, ConvertInput.class);
                jobs = new JobPlanner(Optional.of(FUNCTION), Optional.of(OUTPUT_BUCKET)).plan(input);
            } catch (JsonProcessingException | RuntimeException e) {
                throw failure(e.getMessage());
            }
            List<ConversionSummary> done = new ArrayList<>();
            for (ConversionJob job : jobs) {
                if (job.input().key().contains("broken")) {
                    throw failure(job.input() + ": conversion " + job.from() + " -> " + job.to() + " failed, no output"
                            + " written: broken.zip: corrupt archive (its first bytes are not a zip header)");
                }
                outputs.add(job.output().toString());
                done.add(new ConversionSummary(job.input().toString(), "coco", job.to(), job.output().toString(),
                        job.report().toString(), new ConversionSummary.Detection("coco", 100), 2, 2, 3, 1, 5, true, 2, 0,
                        3302, 2571, 412));
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("ExecutedVersion", "$LATEST");
            response.set("Payload", JSON.valueToTree(ConvertResult.of(done)));
            response.put("StatusCode", 200);
            return response;
        }

        /** As Lambda reports the exception ConvertHandler throws: its class and its own message. */
        private static TaskFailure failure(String message) {
            ObjectNode cause = JSON.createObjectNode();
            cause.put("errorMessage", message);
            cause.put("errorType", LAMBDA_ERROR);
            return new TaskFailure(LAMBDA_ERROR, cause.toString());
        }
    }
}
