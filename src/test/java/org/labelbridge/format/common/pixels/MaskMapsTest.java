package org.labelbridge.format.common.pixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelbridge.model.Rle;

/** Merging instance shapes into class and instance maps, and splitting them again. */
class MaskMapsTest {

    @Test
    void higherZOrderIsPaintedOnTop() {
        MaskCompositor compositor = new MaskCompositor(2, 4)
                .add(Rasterizer.box(0, 0, 3, 2, 0), 7, 1, 5)   // added first but on top
                .add(Rasterizer.box(1, 0, 3, 2, 0), 9, 2, 0);
        MaskCompositor.Compiled compiled = compositor.compile();
        assertEquals(IndexImage.of(2, 4, 7, 7, 7, 9, 7, 7, 7, 9), compiled.classes().toIndexImage());
        assertEquals(IndexImage.of(2, 4, 1, 1, 1, 2, 1, 1, 1, 2), compiled.instances().toIndexImage());
        assertEquals(Map.of(1, 0L, 2, 4L), compiled.hiddenPixels());
        assertEquals(Map.of(1, 6L, 2, 2L), compiled.visiblePixels());
    }

    @Test
    void equalZOrderKeepsTheOrderAdded() {
        MaskCompositor.Compiled compiled = new MaskCompositor(1, 3)
                .add(Rasterizer.box(0, 0, 2, 1, 0), 1, 1, 0)
                .add(Rasterizer.box(1, 0, 2, 1, 0), 2, 2, 0)
                .add(Rasterizer.box(0, 0, 3, 1, 0), 3, 3, -1) // below everything
                .compile();
        assertEquals(IndexImage.of(1, 3, 1, 2, 2), compiled.classes().toIndexImage());
        assertEquals(Map.of(1, 1L, 2, 0L, 3, 3L), compiled.hiddenPixels());
        assertEquals(0L, compiled.visiblePixels().get(3));
    }

    @Test
    void shapesOfOneInstanceMergeWithoutHiding() {
        MaskCompositor.Compiled compiled = new MaskCompositor(1, 3)
                .add(Rasterizer.box(0, 0, 2, 1, 0), 4, 1, 0)
                .add(Rasterizer.box(1, 0, 2, 1, 0), 4, 1, 0)
                .compile();
        assertEquals(IndexImage.of(1, 3, 1, 1, 1), compiled.instances().toIndexImage());
        assertEquals(Map.of(1, 0L), compiled.hiddenPixels());
    }

    @Test
    void classMapSplitsIntoOneMaskPerValue() {
        Map<Integer, Rle> masks = MaskSplitter.masks(RunImage.of(IndexImage.of(2, 3, 0, 2, 2, 5, 2, 0)));
        assertEquals(List.of(0, 2, 5), List.copyOf(masks.keySet()));
        assertEquals(Bitmaps.rle("#..", "..#"), masks.get(0));
        assertEquals(Bitmaps.rle(".##", ".#."), masks.get(2));
        assertEquals(Bitmaps.rle("...", "#.."), masks.get(5));
    }

    @Test
    void instancesTakeTheClassUnderMostOfTheirPixels() {
        RunImage instances = RunImage.of(IndexImage.of(2, 3, 0, 3, 3, 1, 3, 0));
        RunImage classes = RunImage.of(IndexImage.of(2, 3, 0, 8, 6, 4, 8, 0));
        List<MaskSplitter.Instance> split = MaskSplitter.instances(instances, classes);
        assertEquals(2, split.size());
        assertEquals(1, split.get(0).id());
        assertEquals(4, split.get(0).classValue());
        assertFalse(split.get(0).mixedClasses());
        assertEquals(3, split.get(1).id());
        assertEquals(Bitmaps.rle(".##", ".#."), split.get(1).mask());
        assertEquals(8, split.get(1).classValue());
        assertTrue(split.get(1).mixedClasses());
        assertEquals(Map.of(8, 2L, 6, 1L), split.get(1).classPixels());
        assertEquals(-1, MaskSplitter.instances(instances, null).get(0).classValue());
    }

    @Test
    void composeThenSplitGivesTheVisibleParts() {
        Random random = new Random(23);
        for (int round = 0; round < 100; round++) {
            int h = 1 + random.nextInt(10), w = 1 + random.nextInt(10);
            MaskCompositor compositor = new MaskCompositor(h, w);
            int count = 1 + random.nextInt(4);
            for (int id = 1; id <= count; id++) {
                compositor.add(Rasterizer.box(random.nextInt(w), random.nextInt(h), 1 + random.nextInt(w),
                        1 + random.nextInt(h), 0), 10 + id, id, random.nextInt(3));
            }
            MaskCompositor.Compiled compiled = compositor.compile();
            for (MaskSplitter.Instance instance : MaskSplitter.instances(compiled.instances(), compiled.classes())) {
                assertEquals(10 + instance.id(), instance.classValue());
                assertFalse(instance.mixedClasses());
                assertEquals((long) compiled.visiblePixels().get(instance.id()), instance.mask().area());
                byte[] bitmap = instance.mask().toBitmap();
                for (int p = 0; p < bitmap.length; p++) {
                    assertEquals(bitmap[p] == 1, compiled.instances().get(p % w, p / w) == instance.id());
                }
            }
        }
    }
}
