package org.labelbridge.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;
import org.labelbridge.format.Format;
import org.labelbridge.format.FormatException;

/**
 * A dataset's format and root, found by asking the detectors. The root is the input's top,
 * or the folder reached by descending through single top-level folders (an archive of
 * {@code my_dataset/...}) until a detector recognises it.
 *
 * @param candidates every format asked at the chosen root, most confident first
 */
public record DetectedSource(Format format, DatasetSource root, Detection detection, String rootPath,
                             List<Candidate> candidates) {

    /** One detector's answer. */
    public record Candidate(String format, int confidence, String evidence) {
    }

    /** Deepest single-folder descent tried; a dataset is never buried deeper than this. */
    private static final int MAX_DESCENT = 8;

    /**
     * Picks the most confident of {@code formats}; a tie or no match is an error listing them.
     * Where the root holds a single folder and nothing else, the folder is tried too, and its
     * answer wins when it is more confident: a detector that scans the whole tree may already
     * answer, weakly, at the top of {@code my_dataset/...}, with the wrong root.
     */
    public static DetectedSource detect(DatasetSource source, List<Format> formats, String inputName)
            throws IOException {
        DetectedSource found = detectFrom(source, "", formats, inputName, 0);
        if (found == null) {
            String single = singleFolder(source);
            throw new FormatException(inputName + ": no known dataset format found"
                    + (single == null ? "" : " (looked in " + deepestSingleFolder(source) + ")") + "; tried: "
                    + formats.stream().map(Format::id).collect(Collectors.joining(", ")));
        }
        return found;
    }

    /** The best answer at {@code root} or below it through single folders; null when there is none. */
    private static DetectedSource detectFrom(DatasetSource root, String rootPath, List<Format> formats, String inputName,
                                             int depth) throws IOException {
        List<Candidate> answers = ask(root, formats);
        Candidate best = answers.get(0);
        String single = singleFolder(root);
        if (single != null && depth < MAX_DESCENT && best.confidence() < Detection.STRONG) {
            DetectedSource deeper = detectFrom(root.under(single), rootPath + single + "/", formats, inputName, depth + 1);
            if (deeper != null && deeper.detection().confidence() > best.confidence()) {
                return deeper;
            }
        }
        if (best.confidence() <= Detection.NONE_CONFIDENCE) {
            return null;
        }
        List<Candidate> tied = answers.stream().filter(c -> c.confidence() == best.confidence()).toList();
        if (tied.size() > 1) {
            throw new FormatException(inputName + ": ambiguous format, equally likely: "
                    + describe(tied) + "; name one with --from");
        }
        Format format = formats.stream().filter(f -> f.id().equals(best.format())).findFirst().orElseThrow();
        return new DetectedSource(format, root, new Detection(best.confidence(), best.evidence()), rootPath, answers);
    }

    /** The path through single folders from the top, for messages ({@code "export/my_dataset/"}). */
    private static String deepestSingleFolder(DatasetSource source) {
        StringBuilder path = new StringBuilder();
        DatasetSource root = source;
        for (int depth = 0; depth <= MAX_DESCENT; depth++) {
            String single = singleFolder(root);
            if (single == null) {
                break;
            }
            path.append(single).append('/');
            root = root.under(single);
        }
        return path.toString();
    }

    /**
     * The root for a format the user named, found as {@link #detect} finds it (the same descent
     * through single folders, the deeper answer winning when it is more confident), with only
     * that format asked; where its detector never agrees, the top (its reader then says
     * precisely what is missing).
     */
    public static DetectedSource forFormat(DatasetSource source, Format format) throws IOException {
        DetectedSource found = detectFrom(source, "", List.of(format), format.id(), 0);
        return found != null ? found
                : new DetectedSource(format, source, Detection.NONE, "", List.of(new Candidate(format.id(), 0, "")));
    }

    private static List<Candidate> ask(DatasetSource root, List<Format> formats) throws IOException {
        List<Candidate> answers = new ArrayList<>();
        for (Format format : formats) {
            Detection d = format.detect(root);
            answers.add(new Candidate(format.id(), d.confidence(), d.evidence()));
        }
        answers.sort(Comparator.comparingInt(Candidate::confidence).reversed());
        return answers;
    }

    /** The only folder at the root when the root holds nothing else, else null. */
    private static String singleFolder(DatasetSource root) {
        if (!root.filesIn("").isEmpty()) {
            return null;
        }
        List<String> folders = root.foldersIn("");
        return folders.size() == 1 ? folders.get(0) : null;
    }

    private static String describe(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.format() + " (" + c.evidence() + ")").collect(Collectors.joining(", "));
    }
}
