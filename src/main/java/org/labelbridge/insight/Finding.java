package org.labelbridge.insight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one check found: how many places, and the first few of them.
 *
 * @param examples the first places, each {@code item: detail} (or the label, for label checks)
 */
public record Finding(Check check, long count, List<String> examples) {

    public Finding {
        examples = List.copyOf(examples);
    }

    public String id() {
        return check.id();
    }

    public Severity severity() {
        return check.severity();
    }

    /** {@code id, severity, count, description, examples}: what reports and {@code validate --json} give. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", check.id());
        map.put("severity", check.severity().id());
        map.put("count", count);
        map.put("description", check.description());
        map.put("examples", examples);
        return map;
    }

    @Override
    public String toString() {
        return check.severity().id() + " " + check.id() + " x" + count + ": " + check.description()
                + (examples.isEmpty() ? "" : " " + examples);
    }
}
