package org.labelbridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.Converter;
import org.labelbridge.insight.Check;
import org.labelbridge.insight.DatasetValidation;
import org.labelbridge.insight.Finding;
import org.labelbridge.insight.Severity;

/**
 * {@code labelbridge stats} and {@code labelbridge validate}: read a dataset through the same
 * reader, content checks and transforms as a conversion, write nothing, and show its
 * statistics or its validation findings (as a conversion's report holds them).
 */
final class InspectCommands {

    static final Command STATS = new Command("stats", List.of(
            Flag.optional("from", "auto|ID", "the input's format; auto (the default) detects it"),
            Flag.repeatable("option", "NAME=VALUE", "a conversion option (see convert --help), e.g. a label_map"),
            Flag.alone("json", "print the statistics as JSON (the report's statistics section)")),
            "IN",
            """
            Counts the dataset IN: items and annotations per subset, label and kind, items without
            annotations, box sizes and aspect ratios, mask areas, attribute values, tracks, image sizes.""",
            "");

    static final Command VALIDATE = new Command("validate", List.of(
            Flag.optional("from", "auto|ID", "the input's format; auto (the default) detects it"),
            Flag.repeatable("option", "NAME=VALUE", "a conversion option; checks={...} sets the thresholds"),
            Flag.optional("fail-on", "error|warning", "the least severity that exits 1 (default error)"),
            Flag.alone("json", "print the findings as a JSON list (id, severity, count, description, examples)")),
            "IN",
            """
            Checks the dataset IN for what hurts training and lists each finding with its id, severity,
            count and first places. Exit 1 when a finding is an error (or, with --fail-on warning, a
            warning), 0 otherwise, 2 on a usage error.""",
            checksHelp());

    private InspectCommands() {
    }

    private static String checksHelp() {
        StringBuilder help = new StringBuilder("checks (id, severity):\n");
        for (Check check : Check.values()) {
            help.append(String.format("  %-26s %-8s %s%n", check.id(), check.severity().id(), check.description()));
        }
        return help.append("""
                thresholds: --option 'checks={"outside_tolerance": 1, "near_zero_area": 4, "rare_label": 10}'
                (pixels, square pixels, annotations; the defaults shown)""").toString();
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static Converter.Inspection inspect(Arguments a, String command) throws IOException, UsageException {
        if (a.positional().size() != 1) {
            throw new UsageException(command + " needs IN");
        }
        ConversionOptions options = ConversionOptions.fromMap(Main.optionValues(a));
        return Converter.inspect(Path.of(a.positional().get(0)), a.single("from"), options,
                ArchiveLimits.fromEnvironment(System.getenv()));
    }

    static int stats(Arguments a, PrintStream out) throws IOException, UsageException {
        Converter.Inspection inspection = inspect(a, "stats");
        Map<String, Object> statistics = inspection.insight().statistics().toMap();
        if (a.flag("json")) {
            out.println(json().writeValueAsString(statistics));
            return 0;
        }
        out.printf("%s (%s): %d items, %d without annotations%n", a.positional().get(0),
                inspection.source().format().id(), inspection.insight().statistics().items(),
                inspection.insight().statistics().itemsWithoutAnnotations());
        StatisticsText.print(statistics, out);
        return 0;
    }

    static int validate(Arguments a, PrintStream out) throws IOException, UsageException {
        String failOn = a.single("fail-on");
        Severity threshold;
        if (failOn == null || failOn.equals("error")) {
            threshold = Severity.ERROR;
        } else if (failOn.equals("warning")) {
            threshold = Severity.WARNING;
        } else {
            throw new UsageException("--fail-on needs error or warning, got '" + failOn + "'");
        }
        Converter.Inspection inspection = inspect(a, "validate");
        DatasetValidation validation = inspection.insight().validation();
        List<Finding> findings = validation.findings();
        boolean failed = findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0);
        if (a.flag("json")) {
            out.println(json().writeValueAsString(findings.stream().map(Finding::toMap).toList()));
            return failed ? 1 : 0;
        }
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        out.printf("%s (%s): %d items, %d errors, %d warnings%n", a.positional().get(0),
                inspection.source().format().id(), inspection.insight().statistics().items(), errors, warnings);
        for (Finding f : findings) {
            out.printf("  %-7s %-26s x%-6d %s%n", f.severity().id(), f.id(), f.count(), f.check().description());
            for (String example : f.examples()) {
                out.printf("          %s%n", example);
            }
        }
        Object notes = validation.toMap().get("notes");
        if (notes instanceof Map<?, ?> map) {
            map.forEach((check, why) -> out.printf("  note    %-26s %s%n", check, why));
        }
        if (findings.isEmpty()) {
            out.println("  every check passed");
        }
        return failed ? 1 : 0;
    }
}
