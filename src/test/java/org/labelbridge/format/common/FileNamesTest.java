package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelbridge.testing.RecordedProblems;

class FileNamesTest {

    @Test
    void idsBecomeCleanRelativePaths() {
        assertEquals("a/b", FileNames.path("a/b"));
        assertEquals("a/b", FileNames.path("/a//b/"));
        assertEquals("_../_./y", FileNames.path(".././y"));
        assertEquals("a_b_c", FileNames.path("a\\b\nc"));
        assertEquals("_", FileNames.path("//"));
        assertEquals("name with spaces.v2", FileNames.path("name with spaces.v2"));
    }

    @Test
    void labelNamesBecomeOneSegment() {
        assertEquals("_m_0", FileNames.segment("/m/0"));
        assertEquals("a_b", FileNames.segment("a:b"));
        assertEquals("_", FileNames.segment(""));
        assertEquals("_..", FileNames.segment(".."));
        assertEquals("car", FileNames.segment("car"));
    }

    @Test
    void labelFileNamesAreUniqueAndKeepSafeNames() {
        RecordedProblems problems = new RecordedProblems();
        LabelFileNames names = new LabelFileNames(List.of("/m/0", "_m_0", "car", "car", "a/b", "a_b_2"), problems,
                "labels.txt keeps the real name");
        assertEquals("_m_0_2", names.of(0));
        assertEquals("_m_0", names.of(1));
        assertEquals("car", names.of(2));
        assertEquals("car_2", names.of(3));
        assertEquals("a_b", names.of(4));
        assertEquals("a_b_2", names.of(5));
        names.of(0);
        assertEquals(1, problems.dataset.stream().filter(m -> m.contains("'/m/0' is written as '_m_0_2'")).count());
        assertTrue(problems.dataset.get(0).contains("labels.txt keeps the real name"));
        assertEquals(0, names.indexOf("_m_0_2"));
    }
}
