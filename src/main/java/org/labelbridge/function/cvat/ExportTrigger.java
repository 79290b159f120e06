package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * When a CVAT event asks for an export. {@code field} is the job's {@code state} or
 * {@code stage}, {@code value} what it must become (default: state {@code completed}).
 * Scope {@code job}: an {@code update:job} whose field changed to the value exports the job's
 * task. Scope {@code task}: only when every job of the task has the value, on an
 * {@code update:job} or an {@code update:task}. {@code exportOf} {@code project} exports the
 * task's project instead. The update time in the decision makes the output key: the job's
 * {@code updated_date} (scope job) or the task's (scope task, so that the job and the task
 * event of one change give one key).
 */
record ExportTrigger(String field, String value, Scope scope, ExportOf exportOf) {

    enum Scope { JOB, TASK }

    enum ExportOf { TASK, PROJECT }

    /** What to do with an event. */
    sealed interface Decision permits Ignore, Export {
    }

    record Ignore(String reason) implements Decision {
    }

    /** Export {@code kind} ({@code tasks} or {@code projects}) {@code id}, as changed at {@code updated}. */
    record Export(String kind, long id, String updated, long taskId) implements Decision {
    }

    /**
     * Parses {@code state:completed} or {@code stage:acceptance}, a scope ({@code job} or
     * {@code task}) and what to export ({@code task} or {@code project}).
     */
    static ExportTrigger parse(String trigger, String scope, String exportOf) {
        String[] parts = trigger.split(":", 2);
        if (parts.length != 2 || !(parts[0].equals("state") || parts[0].equals("stage")) || parts[1].isBlank()) {
            throw new IllegalArgumentException("trigger must be state:<value> or stage:<value> (e.g. state:completed,"
                    + " stage:acceptance), got '" + trigger + "'");
        }
        return new ExportTrigger(parts[0], parts[1], enumOf(Scope.class, scope, "scope"),
                enumOf(ExportOf.class, exportOf, "export-of"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    .toLowerCase(java.util.Locale.ROOT) + ", got '" + text + "'");
        }
    }

    /** Decides on an event (a verified CVAT payload); asks CVAT for the task's jobs when the scope needs them. */
    Decision decide(JsonNode payload, CvatApi cvat) throws IOException {
        String event = payload.path("event").asText();
        return switch (event) {
            case "update:job" -> onJob(payload, cvat);
            case "update:task" -> onTask(payload, cvat);
            default -> new Ignore("event '" + event + "' does not start an export (only update:job and update:task)");
        };
    }

    private Decision onJob(JsonNode payload, CvatApi cvat) throws IOException {
        JsonNode job = payload.path("job");
        long jobId = job.path("id").asLong(-1);
        long taskId = job.path("task_id").asLong(-1);
        if (jobId < 0 || taskId < 0) {
            return new Ignore("update:job without job.id and job.task_id");
        }
        if (!payload.path("before_update").has(field)) {
            return new Ignore("job " + jobId + ": its " + field + " did not change");
        }
        String now = job.path(field).asText();
        if (!now.equals(value)) {
            return new Ignore("job " + jobId + ": " + field + " became '" + now + "', not '" + value + "'");
        }
        if (scope == Scope.JOB) {
            return export(taskId, job.path("project_id"), job.path("updated_date").asText(""));
        }
        JsonNode task = cvat.task(taskId);
        return whenEveryJob(taskId, task, cvat);
    }

    private Decision onTask(JsonNode payload, CvatApi cvat) throws IOException {
        JsonNode task = payload.path("task");
        long taskId = task.path("id").asLong(-1);
        if (scope == Scope.JOB) {
            return new Ignore("update:task: with scope job only update:job events export");
        }
        if (taskId < 0) {
            return new Ignore("update:task without task.id");
        }
        return whenEveryJob(taskId, task, cvat);
    }

    private Decision whenEveryJob(long taskId, JsonNode task, CvatApi cvat) throws IOException {
        List<JsonNode> jobs = cvat.jobsOf(taskId);
        long reached = jobs.stream().filter(j -> value.equals(j.path(field).asText())).count();
        if (jobs.isEmpty() || reached < jobs.size()) {
            return new Ignore("task " + taskId + ": " + reached + " of " + jobs.size() + " jobs have " + field + " '"
                    + value + "'");
        }
        return export(taskId, task.path("project_id"), task.path("updated_date").asText(""));
    }

    private Decision export(long taskId, JsonNode projectId, String updated) {
        if (updated.isEmpty()) {
            return new Ignore("task " + taskId + ": the event has no updated_date to name the export by");
        }
        if (exportOf == ExportOf.TASK) {
            return new Export("tasks", taskId, updated, taskId);
        }
        if (!projectId.canConvertToLong()) {
            return new Ignore("task " + taskId + " belongs to no project (export-of is project)");
        }
        return new Export("projects", projectId.asLong(), updated, taskId);
    }
}
