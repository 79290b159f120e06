package org.labelbridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.ConversionResult;
import org.labelbridge.convert.Converter;
import org.labelbridge.convert.DetectedSource;
import org.labelbridge.convert.Option;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatDescriptor;
import org.labelbridge.format.Formats;
import org.labelbridge.insight.PreviewSheet;
import org.labelbridge.insight.ReportPage;

/** {@code labelbridge} commands. Exit 0 on success, 1 when the conversion fails, 2 on misuse. */
public final class Main {

    static final Command CONVERT = new Command("convert", List.of(
            Flag.optional("from", "auto|ID", "the input's format; auto (the default) detects it and says why"),
            Flag.required("to", "ID", "the output's format (labelbridge formats lists them)"),
            Flag.repeatable("option", "NAME=VALUE", "a conversion option (listed below), once per option"),
            Flag.optional("report", "FILE", "also write the conversion report to FILE, as JSON"),
            Flag.optional("preview", "FILE", "also draw items of the output into a PNG contact sheet FILE (16 items"
                    + " unless --option preview=N)"),
            Flag.optional("html", "FILE", "also write the report as one self-contained HTML page FILE (with the"
                    + " preview, 16 items unless --option preview=N)")),
            "IN OUT",
            "Converts the dataset IN to the format --to and writes it to OUT.",
            """
            IN is a zip, tar, tar.gz/tgz, folder, or a bare annotation file (.json/.xml) where the
            format allows one. OUT is a zip when its name ends in .zip; otherwise it is a folder: an
            existing empty one, or a new one whose name has no extension (out.tar.gz or out.json is
            an error). Structured option values are JSON text:
            --option 'label_map={"car": "vehicle", "person": null}'.
            Exit 0 on success, 1 when the input or the conversion fails, 2 on a usage error.
            conversion options (--option NAME=VALUE):
            """ + optionsHelp());

    static final Command DETECT = new Command("detect", List.of(), "IN", """
            Names the format of the dataset IN, how confident the detection is and its evidence,
            and any other format that also matched.""", "");

    static final Command FORMATS = new Command("formats", List.of(Flag.alone("json", "print the list as JSON")), "", """
            Lists the formats: id, name, whether it can be read (import) and written (export), and
            the annotation kinds it holds.""", "");

    /** What {@code labelbridge --help} prints, and (to standard error) {@code labelbridge} alone. */
    static String usage() {
        StringBuilder text = new StringBuilder("usage:\n");
        for (Command command : List.of(CONVERT, InspectCommands.STATS, InspectCommands.VALIDATE, DETECT, FORMATS,
                ServeCommand.COMMAND)) {
            text.append("  ").append(command.synopsis()).append('\n');
        }
        return text.append("""
                'labelbridge COMMAND --help' (or -h) explains a command; convert's lists the conversion options.
                Exit 0 on success, 1 when the input or the conversion fails, 2 on a usage error.""").toString();
    }

    private static Command command(String name) {
        return switch (name) {
            case "convert" -> CONVERT;
            case "stats" -> InspectCommands.STATS;
            case "validate" -> InspectCommands.VALIDATE;
            case "detect" -> DETECT;
            case "formats" -> FORMATS;
            case "serve" -> ServeCommand.COMMAND;
            default -> null;
        };
    }

    private static String optionsHelp() {
        StringBuilder help = new StringBuilder();
        for (Option<?> option : ConversionOptions.ALL) {
            Object value = option.defaultValue();
            String shown = value instanceof java.util.Collection<?> c && c.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty() ? "none" : String.valueOf(value);
            help.append(String.format("  %-22s %s (default %s)%n", option.name(), option.help(), shown));
        }
        return help.toString().stripTrailing();
    }

    /** Built on first use: jackson-databind is a few hundred classes a plain convert does not need. */
    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    Main(PrintStream out, PrintStream err) {
        this(out, err, false);
    }

    /** {@code terminal}: standard error is a terminal, so progress is a bar redrawn in place. */
    Main(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err, System.console() != null).run(args));
    }

    /** Runs a command and returns the exit code. */
    int run(String[] args) {
        if (args.length == 0) {
            err.println(usage());
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            out.println(usage());
            return 0;
        }
        Command command = command(args[0]);
        if (command == null) {
            err.println("labelbridge: unknown command '" + args[0] + "'");
            err.println(usage());
            return 2;
        }
        try {
            Arguments a = Arguments.parse(args, 1, command.flags());
            if (a.help()) {
                out.println(command.usage());
                return 0;
            }
            return switch (command.name()) {
                case "convert" -> convert(a);
                case "stats" -> InspectCommands.stats(a, out);
                case "validate" -> InspectCommands.validate(a, out);
                case "detect" -> detect(a);
                case "formats" -> formats(a);
                default -> serve(a);
            };
        } catch (UsageException e) {
            err.println("labelbridge: " + e.getMessage());
            err.println(command.hint());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("labelbridge: " + oneLine(e));
            return 1;
        }
    }

    private int convert(Arguments a) throws IOException, UsageException {
        List<String> files = a.positional();
        if (files.size() != 2) {
            throw new UsageException("convert needs IN and OUT");
        }
        String to = a.single("to");
        if (to == null) {
            throw new UsageException("convert needs --to ID");
        }
        Path output = Path.of(files.get(1));
        checkOutput(output);
        Map<String, String> options = optionValues(a);
        String previewFile = a.single("preview");
        String htmlFile = a.single("html");
        String previewName = ConversionOptions.PREVIEW.name();
        if (previewFile != null || htmlFile != null) {
            options.putIfAbsent(previewName, Integer.toString(ConversionOptions.PREVIEW_IN_FUNCTION));
        } else if (options.containsKey(previewName) && !options.get(previewName).strip().equals("0")) {
            throw new UsageException("--option " + previewName + " needs --preview FILE or --html FILE to show it");
        }
        ConversionRequest request = new ConversionRequest(Path.of(files.get(0)), a.single("from"), to,
                ConversionOptions.fromMap(options), output);
        ConversionResult result = Converter.convert(request, ProgressDisplay.forStandardError(err, terminal),
                ArchiveLimits.fromEnvironment(System.getenv()));
        String report = a.single("report");
        if (report != null) {
            json().writeValue(Path.of(report).toFile(), result.toMap());
        }
        PreviewSheet preview = result.preview();
        if (previewFile != null && preview != null && preview.error() == null) {
            Files.write(Path.of(previewFile), preview.png());
        } else if (previewFile != null) {
            err.println("labelbridge: no preview written: " + (preview == null ? "no items asked for" : preview.error()));
        }
        if (htmlFile != null) {
            try (var page = new java.io.BufferedOutputStream(Files.newOutputStream(Path.of(htmlFile)))) {
                Map<String, Object> named = new LinkedHashMap<>();
                named.put("input", files.get(0));
                named.put("output", files.get(1));
                named.putAll(result.toMap());
                ReportPage.write(named, preview, page);
            }
        }
        var r = result.report();
        out.printf("%s -> %s: %d items, %d of %d annotations written in %d ms -> %s%n",
                result.source().format().id(), to, r.itemsOut(), r.totalOut(), r.totalIn(), result.millis(),
                files.get(1));
        if (ConversionRequest.AUTO.equals(request.from())) {
            out.printf("detected %s (confidence %d: %s)%n", result.source().format().id(),
                    result.source().detection().confidence(), result.source().detection().evidence());
        }
        for (var entry : r.entries()) {
            out.printf("  %s %s x%d: %s%n", entry.action(), entry.kind(), entry.count(), entry.reason());
        }
        return 0;
    }

    /** The {@code --option NAME=VALUE} flags by name, in the order given. */
    static Map<String, String> optionValues(Arguments a) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : a.all("option")) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--option needs NAME=VALUE, got '" + option + "'");
            }
            if (options.put(option.substring(0, eq), option.substring(eq + 1)) != null) {
                throw new UsageException("--option " + option.substring(0, eq) + " given more than once");
            }
        }
        return options;
    }

    private int detect(Arguments a) throws IOException, UsageException {
        if (a.positional().size() != 1) {
            throw new UsageException("detect needs IN");
        }
        DetectedSource detected = Converter.detect(Path.of(a.positional().get(0)));
        out.printf("%s (%s), confidence %d: %s%s%n", detected.format().id(),
                detected.format().descriptor().displayName(), detected.detection().confidence(),
                detected.detection().evidence(), detected.rootPath().isEmpty() ? "" : " [root " + detected.rootPath() + "]");
        for (DetectedSource.Candidate c : detected.candidates()) {
            if (c.confidence() > 0 && !c.format().equals(detected.format().id())) {
                out.printf("  also %s, confidence %d: %s%n", c.format(), c.confidence(), c.evidence());
            }
        }
        return 0;
    }

    private int serve(Arguments a) throws IOException, UsageException {
        try {
            return ServeCommand.run(a, out, err);
        } catch (NoClassDefFoundError e) {
            err.println("labelbridge: serve needs the local S3 server's libraries (target/serve-lib/, copied by"
                    + " mvn package) on the classpath; run it through ./labelbridge (missing: " + e.getMessage() + ")");
            return 1;
        }
    }

    private int formats(Arguments a) throws IOException, UsageException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Format f : Formats.all()) {
            FormatDescriptor d = f.descriptor();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("name", d.displayName());
            row.put("import", d.canRead());
            row.put("export", d.canWrite());
            row.put("annotations", d.kinds().stream().map(k -> k.id()).sorted().toList());
            rows.add(row);
        }
        if (a.flag("json")) {
            out.println(json().writeValueAsString(rows));
            return 0;
        }
        out.printf("%-22s %-34s %-6s %-6s %s%n", "ID", "NAME", "IMPORT", "EXPORT", "ANNOTATIONS");
        for (Map<String, Object> row : rows) {
            out.printf("%-22s %-34s %-6s %-6s %s%n", row.get("id"), row.get("name"),
                    (Boolean) row.get("import") ? "yes" : "no", (Boolean) row.get("export") ? "yes" : "no",
                    String.join(",", (List<String>) row.get("annotations")));
        }
        return 0;
    }

    /**
     * OUT is a zip when its name ends in .zip, otherwise a folder: one that exists, or a new one
     * whose name has no extension. Anything else (out.tar.gz, out.json, an existing file) would
     * not be what the user asked for, so it is a usage error rather than a folder of that name.
     */
    static void checkOutput(Path output) throws UsageException {
        Path name = output.getFileName();
        if (name == null || name.toString().toLowerCase(Locale.ROOT).endsWith(".zip") || Files.isDirectory(output)) {
            return;
        }
        String accepted = "OUT must be a name ending in .zip (a zip), an existing folder, or a name without an"
                + " extension (a new folder)";
        if (Files.exists(output)) {
            throw new UsageException("OUT '" + output + "' is an existing file, neither a .zip nor a folder; " + accepted);
        }
        if (name.toString().lastIndexOf('.') > 0) {
            throw new UsageException("OUT '" + output + "' is neither a .zip nor a folder; " + accepted);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ');
    }
}
