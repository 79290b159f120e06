package org.labelbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small interpreter of the Amazon States Language (the JSONPath flavour), enough to run
 * labelbridge's state machines in tests against fake integrations: Pass, Task (Parameters,
 * ResultSelector, ResultPath, OutputPath, Retry, Catch), Choice, Map (ItemReader, ItemSelector,
 * ItemProcessor, ResultWriter), Succeed and Fail; paths {@code $.a.b[0]} and {@code $$.…}; the
 * intrinsics States.Format, States.JsonMerge, States.JsonToString, States.StringToJson and
 * States.Array ({@link AslIntrinsic}). A path that is not in the data fails the run
 * (States.Runtime); {@link AslValidator} checks a machine the way Step Functions does when it
 * is created.
 */
public final class AslInterpreter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A task integration: the state's effective parameters in, the result out, or a failure. */
    @FunctionalInterface
    public interface Integration {
        JsonNode call(String resource, JsonNode parameters) throws TaskFailure;
    }

    /** A task failed with an error name and a cause, as Step Functions sees it. */
    public static final class TaskFailure extends Exception {
        private final String error;
        private final String cause;

        public TaskFailure(String error, String cause) {
            super(error + ": " + cause);
            this.error = error;
            this.cause = cause;
        }

        public String error() {
            return error;
        }

        public String cause() {
            return cause;
        }
    }

    /** How an execution ended. */
    public record Outcome(boolean succeeded, JsonNode output, String error, String cause) {
    }

    /** A state's output, recorded for size checks: state name and JSON. */
    public record Transition(String state, JsonNode output) {
    }

    private final JsonNode definition;
    private final Integration integration;
    private final List<Transition> transitions = new ArrayList<>();

    public AslInterpreter(JsonNode definition, Integration integration) {
        this.definition = definition;
        this.integration = integration;
    }

    /** Every state's output so far, in order (Map children included). */
    public List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    // --- running ------------------------------------------------------------------------------

    /** Runs an execution of the machine with this input. */
    public Outcome run(JsonNode input, String executionName) {
        ObjectNode context = NODES.objectNode();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", "arn:aws:states:us-east-1:123456789012:execution:machine:" + executionName);
        execution.put("Name", executionName);
        return runScope(definition, input, context);
    }

    private Outcome runScope(JsonNode scope, JsonNode input, ObjectNode context) {
        JsonNode states = scope.get("States");
        String current = scope.get("StartAt").asText();
        JsonNode data = input;
        for (int steps = 0; steps < 1000; steps++) {
            JsonNode state = states.get(current);
            String type = state.get("Type").asText();
            JsonNode effective = path(data, state.path("InputPath").asText("$"), context);
            String next = state.path("Next").asText(null);
            JsonNode output;
            switch (type) {
                case "Pass" -> {
                    JsonNode result = state.has("Parameters") ? template(state.get("Parameters"), effective, context)
                            : state.has("Result") ? state.get("Result") : effective;
                    output = outputOf(state, data, result, context);
                }
                case "Task" -> {
                    TaskOutcome task = task(state, effective, context);
                    if (task.failure != null) {
                        JsonNode catcher = matching(state.path("Catch"), task.failure.error());
                        if (catcher == null) {
                            return new Outcome(false, null, task.failure.error(), task.failure.cause());
                        }
                        ObjectNode error = NODES.objectNode().put("Error", task.failure.error()).put("Cause", task.failure.cause());
                        data = resultPath(data, error, catcher.has("ResultPath") ? catcher.get("ResultPath") : new TextNode("$"));
                        record(current, data);
                        current = catcher.get("Next").asText();
                        continue;
                    }
                    JsonNode result = state.has("ResultSelector") ? template(state.get("ResultSelector"), task.result, context)
                            : task.result;
                    output = outputOf(state, data, result, context);
                }
                case "Choice" -> {
                    next = null;
                    for (JsonNode rule : state.get("Choices")) {
                        if (matches(rule, effective, context)) {
                            next = rule.get("Next").asText();
                            break;
                        }
                    }
                    if (next == null) {
                        if (!state.has("Default")) {
                            return new Outcome(false, null, "States.NoChoiceMatched", "no choice rule matched in " + current);
                        }
                        next = state.get("Default").asText();
                    }
                    output = path(effective, state.path("OutputPath").asText("$"), context);
                }
                case "Map" -> {
                    MapOutcome map = map(state, effective, context);
                    if (map.failure != null) {
                        return new Outcome(false, null, map.failure.error(), map.failure.cause());
                    }
                    JsonNode result = state.has("ResultSelector") ? template(state.get("ResultSelector"), map.result, context)
                            : map.result;
                    output = outputOf(state, data, result, context);
                }
                case "Succeed" -> output = path(effective, state.path("OutputPath").asText("$"), context);
                case "Fail" -> {
                    String error = state.has("ErrorPath") ? path(effective, state.get("ErrorPath").asText(), context).asText()
                            : state.path("Error").asText(null);
                    String cause = state.has("CausePath") ? path(effective, state.get("CausePath").asText(), context).asText()
                            : state.path("Cause").asText(null);
                    return new Outcome(false, null, error, cause);
                }
                default -> throw new IllegalStateException("state type " + type + " is not interpreted here");
            }
            record(current, output);
            if (type.equals("Succeed") || state.path("End").asBoolean(false)) {
                return new Outcome(true, output, null, null);
            }
            data = output;
            current = next;
        }
        throw new IllegalStateException("more than 1000 transitions: a loop?");
    }

    private void record(String state, JsonNode output) {
        synchronized (transitions) {
            transitions.add(new Transition(state, output));
        }
    }

    private record TaskOutcome(JsonNode result, TaskFailure failure) {
    }

    private TaskOutcome task(JsonNode state, JsonNode effective, ObjectNode context) {
        JsonNode parameters = state.has("Parameters") ? template(state.get("Parameters"), effective, context) : effective;
        Map<JsonNode, Integer> attempts = new HashMap<>();
        while (true) {
            try {
                return new TaskOutcome(integration.call(state.get("Resource").asText(), parameters), null);
            } catch (TaskFailure failure) {
                JsonNode retrier = matching(state.path("Retry"), failure.error());
                if (retrier == null) {
                    return new TaskOutcome(null, failure);
                }
                int done = attempts.merge(retrier, 1, Integer::sum);
                if (done > retrier.path("MaxAttempts").asInt(3)) {
                    return new TaskOutcome(null, failure);
                }
            }
        }
    }

    private record MapOutcome(JsonNode result, TaskFailure failure) {
    }

    private MapOutcome map(JsonNode state, JsonNode effective, ObjectNode context) {
        JsonNode items;
        try {
            if (state.has("ItemReader")) {
                JsonNode reader = state.get("ItemReader");
                items = integration.call(reader.get("Resource").asText(), template(reader.path("Parameters"), effective, context));
            } else {
                items = path(effective, state.path("ItemsPath").asText("$"), context);
            }
        } catch (TaskFailure failure) {
            return new MapOutcome(null, failure);
        }
        if (!items.isArray()) {
            throw new RuntimeFailure("Map items are not an array: " + items);
        }
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        ArrayNode results = NODES.arrayNode();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode itemContext = context.deepCopy();
            ObjectNode item = itemContext.putObject("Map").putObject("Item");
            item.put("Index", i);
            item.set("Value", items.get(i));
            JsonNode itemInput = state.has("ItemSelector") ? template(state.get("ItemSelector"), effective, itemContext)
                    : items.get(i);
            Outcome child = runScope(processor, itemInput, itemContext);
            if (!child.succeeded()) {
                return new MapOutcome(null, new TaskFailure(child.error(), child.cause()));
            }
            results.add(child.output());
        }
        if (!state.has("ResultWriter")) {
            return new MapOutcome(results, null);
        }
        JsonNode writer = state.get("ResultWriter");
        ObjectNode parameters = (ObjectNode) template(writer.path("Parameters"), effective, context).deepCopy();
        parameters.set("Results", results);
        try {
            integration.call(writer.get("Resource").asText(), parameters);
        } catch (TaskFailure failure) {
            return new MapOutcome(null, failure);
        }
        ObjectNode result = NODES.objectNode();
        result.put("MapRunArn", "arn:aws:states:us-east-1:123456789012:mapRun:machine/run");
        ObjectNode details = result.putObject("ResultWriterDetails");
        details.put("Bucket", parameters.path("Bucket").asText());
        details.put("Key", parameters.path("Prefix").asText() + "/run/manifest.json");
        return new MapOutcome(result, null);
    }

    private JsonNode outputOf(JsonNode state, JsonNode rawInput, JsonNode result, ObjectNode context) {
        JsonNode combined = resultPath(rawInput, result, state.has("ResultPath") ? state.get("ResultPath") : new TextNode("$"));
        return path(combined, state.path("OutputPath").asText("$"), context);
    }

    private static JsonNode resultPath(JsonNode raw, JsonNode result, JsonNode resultPath) {
        if (resultPath.isNull()) {
            return raw;
        }
        String path = resultPath.asText();
        if (path.equals("$")) {
            return result;
        }
        if (!raw.isObject()) {
            throw new RuntimeFailure("ResultPath " + path + " needs an object input, got " + raw);
        }
        ObjectNode copy = raw.deepCopy();
        String[] fields = path.substring(2).split("\\.");
        ObjectNode at = copy;
        for (int i = 0; i < fields.length - 1; i++) {
            at = at.has(fields[i]) && at.get(fields[i]).isObject() ? (ObjectNode) at.get(fields[i]) : at.putObject(fields[i]);
        }
        at.set(fields[fields.length - 1], result);
        return copy;
    }

    private static JsonNode matching(JsonNode handlers, String error) {
        for (JsonNode handler : handlers) {
            for (JsonNode name : handler.path("ErrorEquals")) {
                if (name.asText().equals(error) || name.asText().equals("States.ALL") && !error.equals("States.Runtime")) {
                    return handler;
                }
            }
        }
        return null;
    }

    // --- choice rules -------------------------------------------------------------------------

    private boolean matches(JsonNode rule, JsonNode input, ObjectNode context) {
        if (rule.has("And")) {
            for (JsonNode r : rule.get("And")) {
                if (!matches(r, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode r : rule.get("Or")) {
                if (matches(r, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variable = rule.get("Variable").asText();
        if (rule.has("IsPresent")) {
            return rule.get("IsPresent").asBoolean() == (pathOrNull(input, variable, context) != null);
        }
        JsonNode value = path(input, variable, context);
        if (rule.has("StringEquals")) {
            return value.isTextual() && value.asText().equals(rule.get("StringEquals").asText());
        }
        if (rule.has("StringMatches")) {
            return value.isTextual() && wildcard(rule.get("StringMatches").asText()).matcher(value.asText()).matches();
        }
        throw new IllegalStateException("choice rule not interpreted here: " + rule);
    }

    /** StringMatches: {@code *} is any run of characters, {@code \*} a star. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // --- templates and paths ------------------------------------------------------------------

    /** Parameters, ItemSelector, ResultSelector: keys ending in {@code .$} take a path or an intrinsic. */
    private JsonNode template(JsonNode template, JsonNode input, ObjectNode context) {
        if (template.isArray()) {
            ArrayNode out = NODES.arrayNode();
            template.forEach(t -> out.add(template(t, input, context)));
            return out;
        }
        if (!template.isObject()) {
            return template;
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith(".$")) {
                String expression = e.getValue().asText();
                JsonNode value = expression.startsWith("States.") ? new AslIntrinsic(expression).evaluate(input, context)
                        : path(input, expression, context);
                out.set(e.getKey().substring(0, e.getKey().length() - 2), value);
            } else {
                out.set(e.getKey(), template(e.getValue(), input, context));
            }
        }
        return out;
    }

    /** The value at a path ({@code $.a.b[0]}, or {@code $$.…} in the context); missing is States.Runtime. */
    static JsonNode path(JsonNode input, String path, ObjectNode context) {
        JsonNode found = pathOrNull(input, path, context);
        if (found == null) {
            throw new RuntimeFailure("the path '" + path + "' is not in " + (path.startsWith("$$") ? context : input));
        }
        return found;
    }

    private static JsonNode pathOrNull(JsonNode input, String path, ObjectNode context) {
        JsonNode node;
        String rest;
        if (path.startsWith("$$")) {
            node = context;
            rest = path.substring(2);
        } else if (path.startsWith("$")) {
            node = input;
            rest = path.substring(1);
        } else {
            throw new RuntimeFailure("not a path: '" + path + "'");
        }
        var segment = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!segment.find(at) || segment.start() != at) {
                throw new RuntimeFailure("path syntax not interpreted here: '" + path + "'");
            }
            node = segment.group(1) != null ? node.get(segment.group(1)) : node.get(Integer.parseInt(segment.group(2)));
            if (node == null) {
                return null;
            }
            at = segment.end();
        }
        return node;
    }

    /** States.Runtime: the data does not fit the machine. */
    public static final class RuntimeFailure extends RuntimeException {
        public RuntimeFailure(String message) {
            super(message);
        }
    }
}
