package org.labelbridge.format.mot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelbridge.testing.CorpusMatrix;
import org.labelbridge.testing.CorpusMatrix.Outcome;
import org.labelbridge.testing.OutputFiles;

/**
 * What CVAT's MOT import (Datumaro's {@code mot_format.py}, {@code MotSeqExtractor}) reads,
 * checked on the MOT output of every corpus sample. See the package documentation.
 */
class MotConsumerContractTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @MethodSource("org.labelbridge.testing.CorpusMatrix#samples")
    void everyOutputReadsAsDatumaroReadsIt(String sample) {
        Outcome outcome = CorpusMatrix.forContract(sample, "mot", work);
        Path root = outcome.output();
        Path gt = root.resolve("gt/gt.txt");
        assertTrue(Files.isRegularFile(gt), outcome + ": the importer requires gt/gt.txt");
        assertFalse(Files.exists(root.resolve("seqinfo.ini")),
                outcome + ": seqinfo.ini must hold exactly Datumaro's seven keys; not written");
        int labels = labelCount(outcome, root.resolve("gt/labels.txt"));
        Set<String> frames = new HashSet<>();
        List<String> rows = OutputFiles.lines(gt);
        for (int i = 0; i < rows.size(); i++) {
            String at = outcome + " gt.txt line " + (i + 1);
            String[] f = rows.get(i).split(",", -1);
            assertEquals(9, f.length, at + ": frame,track,x,y,w,h,not-ignored,class,visibility");
            assertTrue(OutputFiles.isInt(f[0]), at + ": frame_id is int()-read: " + f[0]);
            assertTrue(Integer.parseInt(f[0].strip()) >= 1, at + ": frames count from 1");
            assertTrue(OutputFiles.isInt(f[1]), at + ": track_id is int()-read: " + f[1]);
            for (int k = 2; k <= 6; k++) {
                assertTrue(OutputFiles.isFloat(f[k]), at + ": field " + (k + 1) + " is float()-read: " + f[k]);
            }
            assertTrue(OutputFiles.isFloat(f[8]), at + ": visibility is float()-read: " + f[8]);
            String classId = f[7].strip();
            if (!classId.isEmpty() && !classId.equals("-1")) {
                assertTrue(OutputFiles.isInt(classId), at + ": class_id is int()-read: " + classId);
                int label = Integer.parseInt(classId) - 1;
                assertTrue(label >= 0 && label < labels,
                        at + ": class_id " + classId + " names no line of labels.txt (" + labels + " labels)");
            }
            frames.add(String.format("%06d", Integer.parseInt(f[0].strip())));
        }
        for (Path image : OutputFiles.matching(root.resolve("img1"), "*")) {
            String stem = OutputFiles.stem(image);
            assertTrue(stem.matches("\\d{6}"), outcome + ": a frame image is named by its 6-digit number: " + image);
        }
        for (String frame : frames) {
            if (Files.isDirectory(root.resolve("img1"))) {
                assertTrue(OutputFiles.imageNamed(root.resolve("img1"), frame) != null,
                        outcome + ": rows of frame " + frame + " but no img1/" + frame + ".*");
            }
        }
    }

    /** labels.txt as Datumaro reads it: each line stripped is a label, names unique (LabelCategories). */
    private static int labelCount(Outcome outcome, Path labelsFile) {
        if (!Files.isRegularFile(labelsFile)) {
            return 12;
        }
        Set<String> names = new HashSet<>();
        for (String line : OutputFiles.lines(labelsFile)) {
            String name = line.strip();
            assertFalse(name.isEmpty(), outcome + ": an empty line in labels.txt is an empty label");
            assertTrue(names.add(name), outcome + ": label '" + name + "' twice in labels.txt");
        }
        return names.size();
    }
}
