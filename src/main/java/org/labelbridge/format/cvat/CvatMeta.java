package org.labelbridge.format.cvat;

import java.util.List;
import java.util.Map;
import org.labelbridge.model.AttributeDef;
import org.labelbridge.model.Rgb;

/**
 * What one annotation file's {@code <meta>} declares.
 *
 * @param labels      labels in declaration order (skeleton points follow their skeleton)
 * @param frameSizes  {@code <original_size>} by task id (video dumps)
 * @param frameSize   the first {@code <original_size>} (a task's, or a job's beside {@code <job>}),
 *                    or {@code null}
 * @param taskSubset  {@code <meta><task><subset>} or {@code <meta><job><subset>}, or {@code null}
 * @param interpolation whether a task or job is in interpolation (video) mode
 */
record CvatMeta(List<LabelDecl> labels, Map<Long, Size> frameSizes, Size frameSize, String taskSubset,
                boolean interpolation) {

    CvatMeta {
        labels = List.copyOf(labels);
        frameSizes = Map.copyOf(frameSizes);
    }

    /** The frame size of a task, else the first one declared, else {@code null}. */
    Size frameSize(Long taskId) {
        Size size = taskId == null ? null : frameSizes.get(taskId);
        return size != null ? size : frameSize;
    }

    /** One {@code <label>}; {@code parent} is {@code ""} for a top-level label; {@code where} names its line. */
    record LabelDecl(String name, String parent, String type, Rgb color, List<AttributeDef> attributes,
                     String svg, String where) {

        LabelDecl {
            attributes = List.copyOf(attributes);
        }

        boolean isSkeleton() {
            return "skeleton".equals(type) || (svg != null && !svg.isBlank());
        }
    }

    /** Image or frame size in pixels. */
    record Size(int width, int height) {
    }
}
