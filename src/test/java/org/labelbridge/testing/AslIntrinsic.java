package org.labelbridge.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.labelbridge.testing.AslInterpreter.RuntimeFailure;

/**
 * An intrinsic function call of the States Language, parsed from its text: States.Format,
 * States.JsonMerge, States.JsonToString, States.StringToJson, States.Array. Arguments are
 * strings in single quotes (a backslash escapes the next character), paths, numbers, null
 * and nested calls.
 */
final class AslIntrinsic {

    static final Set<String> NAMES = Set.of("States.Format", "States.JsonMerge", "States.JsonToString",
            "States.StringToJson", "States.Array");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private int at;

    AslIntrinsic(String text) {
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
        if (!NAMES.contains(name)) {
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
                    args.add(AslInterpreter.path(input, s, context));
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
