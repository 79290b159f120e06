package org.labelbridge.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small interpreter of the Amazon States Language (the JSONPath flavour), enough to run
 * labelbridge's state machines in tests against fake integrations: Pass, Task (Parameters,
 * ResultSelector, ResultPath, OutputPath, Retry, Catch), Choice, Map (ItemReader, ItemSelector,
 * ItemProcessor, ResultWriter), Succeed and Fail; paths {@code $.a.b[0]} and {@code $$.…}; the
 * intrinsics States.Format, States.JsonMerge, States.JsonToString, States.StringToJson and
 * States.Array. It is strict where Step Functions is: {@link #validate} reports fields a state
 * type does not have, transitions to nowhere, unreachable states and intrinsics it does not
 * know; a path that is not in the data fails the run (States.Runtime).
 */
public final class AslInterpreter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

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

    // --- validation ---------------------------------------------------------------------------

    private static final Set<String> COMMON = Set.of("Type", "Comment", "InputPath", "OutputPath");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Next", "End", "Parameters", "Result", "ResultPath"),
            "Task", Set.of("Next", "End", "Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch",
                    "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
            "Choice", Set.of("Choices", "Default"),
            "Map", Set.of("Next", "End", "ItemProcessor", "Iterator", "ItemReader", "ItemSelector", "ItemsPath",
                    "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailurePercentage",
                    "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label",
                    "Parameters", "ResultPath", "ResultSelector", "Retry", "Catch"),
            "Succeed", Set.of(),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Wait", Set.of("Next", "End", "Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            "Parallel", Set.of("Next", "End", "Branches", "Parameters", "ResultPath", "ResultSelector", "Retry", "Catch"));
    private static final Set<String> RETRIER = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
            "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCHER = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");
    private static final Set<String> INTRINSICS = Set.of("States.Format", "States.JsonMerge", "States.JsonToString",
            "States.StringToJson", "States.Array");

    /** What Step Functions would refuse when the machine is created; empty when valid. */
    public static List<String> validate(JsonNode machine) {
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = machine.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds").contains(field)) {
                problems.add("machine: unknown field '" + field + "'");
            }
        }
        validateScope("machine", machine, problems);
        return problems;
    }

    private static void validateScope(String where, JsonNode scope, List<String> problems) {
        JsonNode states = scope.get("States");
        String start = scope.path("StartAt").asText(null);
        if (states == null || !states.isObject() || start == null) {
            problems.add(where + ": needs StartAt and States");
            return;
        }
        if (!states.has(start)) {
            problems.add(where + ": StartAt '" + start + "' is not a state");
        }
        Set<String> reachable = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!reachable.add(name) || !states.has(name)) {
                continue;
            }
            todo.addAll(nextStates(states.get(name)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = where + " state '" + e.getKey() + "'";
            JsonNode state = e.getValue();
            String type = state.path("Type").asText();
            Set<String> allowed = FIELDS.get(type);
            if (allowed == null) {
                problems.add(name + ": unknown Type '" + type + "'");
                continue;
            }
            for (Iterator<String> f = state.fieldNames(); f.hasNext(); ) {
                String field = f.next();
                if (!COMMON.contains(field) && !allowed.contains(field)) {
                    problems.add(name + ": a " + type + " state has no field '" + field + "'");
                }
            }
            boolean terminalType = type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
            if (!terminalType && state.has("Next") == state.path("End").asBoolean(false)) {
                problems.add(name + ": needs exactly one of Next and End");
            }
            for (String next : nextStates(state)) {
                if (!states.has(next)) {
                    problems.add(name + ": goes to '" + next + "', which is not a state here");
                }
            }
            if (!reachable.contains(e.getKey())) {
                problems.add(name + ": cannot be reached from StartAt");
            }
            for (JsonNode retrier : state.path("Retry")) {
                checkFields(name + " Retry", retrier, RETRIER, problems);
            }
            for (JsonNode catcher : state.path("Catch")) {
                checkFields(name + " Catch", catcher, CATCHER, problems);
            }
            if (type.equals("Task") && !state.has("Resource")) {
                problems.add(name + ": a Task needs a Resource");
            }
            if (type.equals("Fail") && (state.has("Error") && state.has("ErrorPath") || state.has("Cause") && state.has("CausePath"))) {
                problems.add(name + ": Error/ErrorPath and Cause/CausePath are exclusive");
            }
            for (String templated : List.of("Parameters", "ResultSelector", "ItemSelector")) {
                if (state.has(templated)) {
                    checkTemplate(name + " " + templated, state.get(templated), problems);
                }
            }
            for (String readerOrWriter : List.of("ItemReader", "ResultWriter")) {
                if (state.has(readerOrWriter)) {
                    checkFields(name + " " + readerOrWriter, state.get(readerOrWriter),
                            Set.of("Resource", "Parameters", "ReaderConfig", "WriterConfig"), problems);
                    checkTemplate(name + " " + readerOrWriter, state.get(readerOrWriter).path("Parameters"), problems);
                }
            }
            if (type.equals("Map")) {
                JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
                if (processor == null) {
                    problems.add(name + ": a Map needs an ItemProcessor");
                } else {
                    checkFields(name + " ItemProcessor", processor, Set.of("ProcessorConfig", "StartAt", "States", "Comment"),
                            problems);
                    validateScope(name + " ItemProcessor", processor, problems);
                }
            }
        }
    }

    private static List<String> nextStates(JsonNode state) {
        List<String> next = new ArrayList<>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        for (JsonNode choice : state.path("Choices")) {
            next.add(choice.path("Next").asText());
        }
        for (JsonNode catcher : state.path("Catch")) {
            next.add(catcher.path("Next").asText());
        }
        return next;
    }

    private static void checkFields(String where, JsonNode node, Set<String> allowed, List<String> problems) {
        for (Iterator<String> f = node.fieldNames(); f.hasNext(); ) {
            String field = f.next();
            if (!allowed.contains(field)) {
                problems.add(where + ": unknown field '" + field + "'");
            }
        }
    }

    private static void checkTemplate(String where, JsonNode template, List<String> problems) {
        if (template.isArray()) {
            template.forEach(t -> checkTemplate(where, t, problems));
        }
        if (!template.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith(".$")) {
                String expression = e.getValue().asText("");
                if (!e.getValue().isTextual() || !(expression.startsWith("$") || expression.startsWith("States."))) {
                    problems.add(where + ": '" + e.getKey() + "' must be a path or an intrinsic function, got " + e.getValue());
                } else if (expression.startsWith("States.")) {
                    try {
                        new Intrinsic(expression).parseCall();
                    } catch (IllegalArgumentException bad) {
                        problems.add(where + ": '" + e.getKey() + "': " + bad.getMessage());
                    }
                }
            } else {
                checkTemplate(where, e.getValue(), problems);
            }
        }
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
                JsonNode value = expression.startsWith("States.") ? new Intrinsic(expression).evaluate(input, context)
                        : path(input, expression, context);
                out.set(e.getKey().substring(0, e.getKey().length() - 2), value);
            } else {
                out.set(e.getKey(), template(e.getValue(), input, context));
            }
        }
        return out;
    }

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
        RuntimeFailure(String message) {
            super(message);
        }
    }

    /** An intrinsic function call, parsed from its text. */
    private static final class Intrinsic {
        private final String text;
        private int at;

        Intrinsic(String text) {
            this.text = text;
        }

        JsonNode evaluate(JsonNode input, ObjectNode context) {
            return evaluate(parseCall(), input, context);
        }

        /** A call is a list: its name, then its arguments (strings in quotes, paths, numbers, calls). */
        List<Object> parseCall() {
            at = 0;
            List<Object> call = call();
            skipSpace();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected text after the call: '" + text.substring(at) + "'");
            }
            return call;
        }

        private List<Object> call() {
            int open = text.indexOf('(', at);
            if (open < 0) {
                throw new IllegalArgumentException("not a call: '" + text + "'");
            }
            String name = text.substring(at, open).strip();
            if (!INTRINSICS.contains(name)) {
                throw new IllegalArgumentException("unknown intrinsic function '" + name + "'");
            }
            at = open + 1;
            List<Object> call = new ArrayList<>();
            call.add(name);
            skipSpace();
            if (peek() == ')') {
                at++;
                return call;
            }
            while (true) {
                call.add(argument());
                skipSpace();
                char c = text.charAt(at++);
                if (c == ')') {
                    return call;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected ',' or ')' in '" + text + "'");
                }
            }
        }

        private Object argument() {
            skipSpace();
            char c = peek();
            if (c == '\'') {
                StringBuilder s = new StringBuilder("'");
                at++;
                while (text.charAt(at) != '\'') {
                    if (text.charAt(at) == '\\') {
                        s.append(text.charAt(at++));
                    }
                    s.append(text.charAt(at++));
                }
                at++;
                return s.toString();
            }
            if (text.startsWith("States.", at)) {
                return call();
            }
            int start = at;
            while (at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ')') {
                at++;
            }
            return text.substring(start, at).strip();
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        @SuppressWarnings("unchecked")
        private static JsonNode evaluate(List<Object> call, JsonNode input, ObjectNode context) {
            List<JsonNode> args = new ArrayList<>();
            boolean rawFirst = call.get(0).equals("States.Format");
            for (Object arg : call.subList(1, call.size())) {
                if (arg instanceof List<?> nested) {
                    args.add(evaluate((List<Object>) nested, input, context));
                } else {
                    String s = (String) arg;
                    if (s.startsWith("'")) {
                        boolean raw = rawFirst && args.isEmpty();
                        args.add(new TextNode(raw ? s.substring(1) : unescape(s.substring(1))));
                    } else if (s.startsWith("$")) {
                        args.add(path(input, s, context));
                    } else if (s.equals("null")) {
                        args.add(NullNode.getInstance());
                    } else {
                        try {
                            args.add(JSON.readTree(s));
                        } catch (JsonProcessingException e) {
                            throw new RuntimeFailure("bad intrinsic argument '" + s + "'");
                        }
                    }
                }
            }
            String name = (String) call.get(0);
            switch (name) {
                case "States.Format" -> {
                    String template = args.get(0).asText(); // raw: escapes still in
                    StringBuilder out = new StringBuilder();
                    int next = 1;
                    for (int i = 0; i < template.length(); i++) {
                        char c = template.charAt(i);
                        if (c == '\\' && i + 1 < template.length()) {
                            out.append(template.charAt(++i));
                        } else if (template.startsWith("{}", i)) {
                            if (next >= args.size()) {
                                throw new RuntimeFailure("States.Format has more {} than arguments: " + call);
                            }
                            JsonNode arg = args.get(next++);
                            out.append(arg.isTextual() ? arg.asText() : arg.toString());
                            i++;
                        } else {
                            out.append(c);
                        }
                    }
                    if (next != args.size()) {
                        throw new RuntimeFailure("States.Format has more arguments than {}: " + call);
                    }
                    return new TextNode(out.toString());
                }
                case "States.JsonMerge" -> {
                    if (!args.get(0).isObject() || !args.get(1).isObject() || args.get(2).asBoolean()) {
                        throw new RuntimeFailure("States.JsonMerge takes two objects and false: " + args);
                    }
                    ObjectNode merged = args.get(0).deepCopy();
                    args.get(1).fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
                    return merged;
                }
                case "States.JsonToString" -> {
                    return new TextNode(args.get(0).toString());
                }
                case "States.StringToJson" -> {
                    try {
                        return JSON.readTree(args.get(0).asText());
                    } catch (JsonProcessingException e) {
                        throw new RuntimeFailure("States.StringToJson: not JSON: " + args.get(0));
                    }
                }
                case "States.Array" -> {
                    ArrayNode array = NODES.arrayNode();
                    args.forEach(array::add);
                    return array;
                }
                default -> throw new RuntimeFailure("unknown intrinsic " + name);
            }
        }

        /** Text in quotes: a backslash makes the next character itself. */
        private static String unescape(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                out.append(c == '\\' && i + 1 < s.length() ? s.charAt(++i) : c);
            }
            return out.toString();
        }
    }

    /** The names of every field a state machine writes into objects it builds (for contract checks). */
    public static Set<String> templateKeys(JsonNode template) {
        Set<String> keys = new LinkedHashSet<>();
        if (template.isObject()) {
            template.fieldNames().forEachRemaining(k -> keys.add(k.endsWith(".$") ? k.substring(0, k.length() - 2) : k));
        }
        return keys;
    }
}
