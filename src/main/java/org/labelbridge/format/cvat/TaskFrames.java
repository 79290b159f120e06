package org.labelbridge.format.cvat;

import java.util.HashSet;
import java.util.Set;
import org.labelbridge.format.Problems;
import org.labelbridge.model.Item;

/**
 * One subset as the CVAT writers write it, one task: its id and the frame numbers its items
 * took. CVAT numbers frames per task, so each item needs a number of its own there.
 */
final class TaskFrames {

    private final String subset;
    private final int taskId;
    private final String numberName;
    private final Set<Long> used = new HashSet<>();
    private long next;

    /** {@code numberName} says in reports what the frame number is written as ("the {@code <image>} id"). */
    TaskFrames(String subset, int taskId, String numberName) {
        this.subset = subset;
        this.taskId = taskId;
        this.numberName = numberName;
    }

    String subset() {
        return subset;
    }

    int taskId() {
        return taskId;
    }

    /**
     * How many frames the task has: up to its highest frame number, which CVAT's importer requires
     * of every frame ({@code rel_frame_id}: a frame number is below the task's size).
     */
    long size() {
        long size = used.size();
        for (long frame : used) {
            size = Math.max(size, frame + 1);
        }
        return size;
    }

    /** The item's frame when it has one free in this task, else the next free number (reported). */
    long frameOf(Item item, Problems problems) {
        Long frame = item.frame();
        if (frame != null && frame >= 0 && used.add(frame)) {
            return frame;
        }
        while (!used.add(next)) {
            next++;
        }
        if (frame != null) {
            problems.item(item.id(), "frame " + frame + " is taken in subset '" + subset
                    + "'; " + numberName + " is " + next);
        }
        return next;
    }

    /** The subset as {@code <meta>} lists it. */
    CvatMetaWriter.SubsetTask task(boolean interpolation, CvatMeta.Size frameSize) {
        return task(size(), interpolation, frameSize);
    }

    /** The subset as {@code <meta>} lists it, with {@code size} frames (every frame written is below it). */
    CvatMetaWriter.SubsetTask task(long size, boolean interpolation, CvatMeta.Size frameSize) {
        return new CvatMetaWriter.SubsetTask(subset, taskId, size, interpolation, frameSize);
    }
}
