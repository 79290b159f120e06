package org.labelbridge.infra;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.HCLParserException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Terraform module as hcl4j reads it: every {@code .tf} file parsed, the top-level blocks
 * merged as Terraform merges files. hcl4j does not evaluate references or {@code for}
 * expressions: a reference reads as its dotted name ({@code "${each.key}/"} becomes
 * {@code "each.key/"}), {@code for} expressions as opaque objects shared by every reference
 * to the same local, and calls it cannot evaluate as {@code null}. {@code fileset} is
 * registered to record the folder and pattern it is called with.
 */
final class TerraformFiles {

    /** {@code fileset(dir, pattern)} calls seen while parsing. */
    final List<List<Object>> filesetCalls = new ArrayList<>();
    final Map<String, Object> blocks = new LinkedHashMap<>();
    /** File name to text, for what hcl4j cannot show (the bodies of {@code for} expressions). */
    final Map<String, String> texts;

    TerraformFiles(Map<String, String> texts) throws IOException {
        this.texts = texts;
        for (Map.Entry<String, String> file : texts.entrySet()) {
            HCLParser parser = new HCLParser();
            parser.registerFunction("fileset", args -> {
                filesetCalls.add(new ArrayList<>(args));
                return List.of();
            });
            Map<String, Object> parsed;
            try {
                parsed = parser.parse(file.getValue());
            } catch (HCLParserException | RuntimeException e) {
                throw new IOException(file.getKey() + ": hcl4j cannot parse it: " + e.getMessage(), e);
            }
            merge(file.getKey(), parsed);
        }
    }

    /** The {@code .tf} files of a folder, by file name, for a test to read or to change a copy of. */
    static Map<String, String> texts(java.nio.file.Path folder) throws IOException {
        Map<String, String> texts = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(folder)) {
            for (var file : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
                texts.put(file.getFileName().toString(), java.nio.file.Files.readString(file));
            }
        }
        if (texts.isEmpty()) {
            throw new IOException("no .tf files in " + folder.toAbsolutePath());
        }
        return texts;
    }

    /** Terraform forbids two blocks of one type and name across files; so does this. */
    @SuppressWarnings("unchecked")
    private void merge(String file, Map<String, Object> parsed) throws IOException {
        for (Map.Entry<String, Object> top : parsed.entrySet()) {
            Object existing = blocks.get(top.getKey());
            if (existing == null) {
                blocks.put(top.getKey(), deepCopy(top.getValue()));
                continue;
            }
            if (!(existing instanceof Map) || !(top.getValue() instanceof Map)) {
                throw new IOException(file + ": '" + top.getKey() + "' declared again");
            }
            Map<String, Object> into = (Map<String, Object>) existing;
            boolean typed = top.getKey().equals("resource") || top.getKey().equals("data");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) top.getValue()).entrySet()) {
                if (typed && into.get(e.getKey()) instanceof Map<?, ?> sameType && e.getValue() instanceof Map<?, ?> more) {
                    for (Object name : more.keySet()) {
                        if (sameType.containsKey(name)) {
                            throw new IOException(file + ": " + top.getKey() + " " + e.getKey() + "." + name + " declared again");
                        }
                        ((Map<Object, Object>) sameType).put(name, more.get(name));
                    }
                } else if (into.containsKey(e.getKey())) {
                    throw new IOException(file + ": " + top.getKey() + " '" + e.getKey() + "' declared again");
                } else {
                    into.put(e.getKey(), e.getValue());
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, v instanceof Map ? deepCopy(v) : v));
            return copy;
        }
        return value;
    }

    /** The value at a path of keys ({@code "resource", "aws_lambda_function", "convert"}), or null. */
    Object at(String... path) {
        Object node = blocks;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String... path) {
        Object node = at(path);
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    /** A block that may be written once (a map) or several times (a list of maps), as a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> repeated(Object block) {
        if (block instanceof Map) {
            return List.of((Map<String, Object>) block);
        }
        if (block instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of();
    }

    /** The source text of {@code name = ...} in the {@code locals} block, whitespace collapsed. */
    String localSource(String name) {
        for (String text : texts.values()) {
            int locals = text.indexOf("locals {");
            if (locals < 0) {
                continue;
            }
            String body = text.substring(locals, closingBrace(text, text.indexOf('{', locals)) + 1);
            var m = java.util.regex.Pattern.compile("(?m)^\\s*" + name + "\\s*=").matcher(body);
            if (m.find()) {
                int start = m.end();
                int end = endOfExpression(body, start);
                return body.substring(start, end).replaceAll("\\s+", " ").strip();
            }
        }
        return null;
    }

    /**
     * The source text of a block ({@code "resource", "aws_s3_bucket", "input"}), whitespace
     * collapsed, or null: for what hcl4j evaluates wrongly (conditionals, {@code try}).
     */
    String blockSource(String kind, String type, String name) {
        var header = java.util.regex.Pattern.compile("(?m)^" + kind + "\\s+\"" + type + "\"\\s+\"" + name + "\"\\s*\\{");
        for (String text : texts.values()) {
            var m = header.matcher(text);
            if (m.find()) {
                int open = m.end() - 1;
                return text.substring(open, closingBrace(text, open) + 1).replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    /** An expression ends at the first newline outside brackets. */
    private static int endOfExpression(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == '\n' && depth == 0 && !text.substring(from, i).isBlank()) {
                return i;
            }
        }
        return text.length();
    }

    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length() - 1;
    }
}
