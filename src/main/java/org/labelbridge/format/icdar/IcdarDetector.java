package org.labelbridge.format.icdar;

import java.io.IOException;
import java.util.function.Predicate;
import org.labelbridge.format.DatasetSource;
import org.labelbridge.format.Detection;

/**
 * The ICDAR tasks' shared detector: a subset folder holding the task's annotation file whose
 * first line reads as that task's line. Strong under the task folder, medium without it; an
 * empty file is weak evidence.
 */
final class IcdarDetector {

    private static final int HEAD = 4096;

    private IcdarDetector() {
    }

    /**
     * @param isAnnotationFile which files of a subset folder to look at
     * @param firstLineFits    whether a first line has the task's form
     */
    static Detection detect(DatasetSource source, IcdarTask task, Predicate<String> isAnnotationFile,
                            Predicate<String> firstLineFits) throws IOException {
        boolean inTaskFolder = !IcdarLayout.root(source, task).isEmpty();
        for (String folder : IcdarLayout.subsetFolders(source, task)) {
            for (String file : IcdarLayout.annotationFiles(source, task, folder)) {
                if (!isAnnotationFile.test(file)) {
                    continue;
                }
                String line = IcdarText.firstLine(source, file, HEAD);
                if (line == null) {
                    return Detection.weak(file + " (empty)");
                }
                if (!firstLineFits.test(line)) {
                    return Detection.NONE;
                }
                return inTaskFolder ? Detection.strong(file) : Detection.medium(file);
            }
        }
        return Detection.NONE;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
