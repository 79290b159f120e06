package org.labelbridge.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.labelbridge.archive.ArchiveLimits;
import org.labelbridge.archive.DirectoryOutput;
import org.labelbridge.archive.InputArchive;
import org.labelbridge.archive.ZipOutput;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetReader;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;
import org.labelbridge.format.Formats;
import org.labelbridge.model.Item;

/**
 * Runs one conversion: input → detected format's reader → {@link ContentChecks} →
 * {@link TargetFit} → target writer → output, counting everything into a
 * {@link ConversionReport}. A failed conversion leaves no
 * output behind.
 */
public final class Converter {

    private Converter() {
    }

    /** Converts within the default archive limits. */
    public static ConversionResult convert(ConversionRequest request) throws IOException {
        return convert(request, ArchiveLimits.DEFAULTS);
    }

    /** Converts; an input beyond {@code limits} is refused before its data is read. */
    public static ConversionResult convert(ConversionRequest request, ArchiveLimits limits) throws IOException {
        long started = System.nanoTime();
        Format target = Formats.require(request.to());
        if (!target.descriptor().canWrite()) {
            throw new FormatException("format '" + target.id() + "' can be read but not written yet");
        }
        String inputName = request.input().getFileName().toString();
        try (InputArchive input = InputArchive.open(request.input(), limits)) {
            DetectedSource detected = detect(input, request.from(), inputName);
            ConversionReport report = new ConversionReport();
            boolean zip = !Files.isDirectory(request.output())
                    && request.output().getFileName().toString().toLowerCase().endsWith(".zip");
            if (zip) {
                try (ZipOutput out = new ZipOutput(request.output(), detected.root(), request.options().keepImages())) {
                    run(detected, target, out, request.options(), report, inputName);
                    out.finish();
                }
            } else {
                if (Files.exists(request.output()) && !isEmptyDirectory(request.output())) {
                    throw new FormatException(request.output() + ": output folder exists and is not empty");
                }
                Files.createDirectories(request.output());
                run(detected, target, new DirectoryOutput(request.output(), detected.root(),
                        request.options().keepImages()), request.options(), report, inputName);
            }
            return new ConversionResult(detected, target.id(), report, request.options(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Detects the input's format (or checks the one given) without converting. */
    public static DetectedSource detect(Path input) throws IOException {
        try (InputArchive archive = InputArchive.open(input)) {
            return detect(archive, ConversionRequest.AUTO, input.getFileName().toString());
        }
    }

    private static DetectedSource detect(InputArchive input, String from, String inputName) throws IOException {
        List<Format> readable = Formats.all().stream().filter(f -> f.descriptor().canRead()).toList();
        if (input.kind() == InputArchive.Kind.BARE_FILE) {
            String ext = inputName.contains(".") ? inputName.substring(inputName.lastIndexOf('.')).toLowerCase() : "";
            readable = readable.stream().filter(f -> f.descriptor().bareFile().equals(ext)).toList();
            if (readable.isEmpty()) {
                throw new FormatException(inputName + ": not an archive (zip, tar, tar.gz) and no format reads a bare '"
                        + ext + "' file");
            }
        }
        if (ConversionRequest.AUTO.equals(from)) {
            return DetectedSource.detect(input.source(), readable, inputName);
        }
        Format source = Formats.require(from);
        if (!source.descriptor().canRead()) {
            throw new FormatException("format '" + from + "' cannot be read");
        }
        if (!readable.contains(source)) {
            throw new FormatException(inputName + ": " + source.descriptor().displayName()
                    + " cannot be read from a bare file; put it in a zip archive");
        }
        return DetectedSource.forFormat(input.source(), source);
    }

    private static void run(DetectedSource detected, Format target, DatasetOutput out, ConversionOptions options,
                            ConversionReport report, String inputName) throws IOException {
        TargetFit fit = new TargetFit(target.descriptor(), options, report);
        try (DatasetReader reader = detected.format().reader(detected.root(), report)) {
            DatasetWriter writer = target.writer(out, report);
            writer.begin(reader.categories());
            ContentChecks checks = new ContentChecks(reader.categories().labels().size(), detected.root(), options,
                    inputName, report);
            for (Item item = reader.next(); item != null; item = reader.next()) {
                report.countIn(item);
                Item checked = checks.apply(item);
                if (checked == null) {
                    continue;
                }
                Item fitted = fit.apply(checked);
                report.countOut(fitted);
                writer.write(fitted);
            }
            writer.finish();
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
