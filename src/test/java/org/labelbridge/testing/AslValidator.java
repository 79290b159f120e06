package org.labelbridge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Step Functions refuses when a machine (JSONPath flavour) is created: fields a state
 * type does not have, a Next or End missing or both, transitions to nowhere, unreachable
 * states, Retry and Catch fields, paths and intrinsics that do not parse.
 */
public final class AslValidator {

    private AslValidator() {
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

    /** The problems of a machine; empty when valid. */
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
                        new AslIntrinsic(expression).parseCall();
                    } catch (IllegalArgumentException bad) {
                        problems.add(where + ": '" + e.getKey() + "': " + bad.getMessage());
                    }
                }
            } else {
                checkTemplate(where, e.getValue(), problems);
            }
        }
    }
}
