package org.labelbridge.format;

import java.util.List;
import java.util.Optional;
import org.labelbridge.format.coco.CocoFormat;
import org.labelbridge.format.cvat.CvatImagesFormat;
import org.labelbridge.format.cvat.CvatVideoFormat;
import org.labelbridge.format.datumaro.DatumaroFormat;
import org.labelbridge.format.voc.VocFormat;
import org.labelbridge.format.yolo.YoloFormat;

/** The registry: every format labelbridge knows, one line each. */
public final class Formats {

    private static final List<Format> ALL = List.of(
            new CocoFormat(),
            new org.labelbridge.format.coco.CocoKeypointsFormat(),
            new CvatImagesFormat(),
            new CvatVideoFormat(),
            new DatumaroFormat(),
            new VocFormat(),
            new YoloFormat(),
            new org.labelbridge.format.segmask.SegmentationMaskFormat(),
            new org.labelbridge.format.imagenet.ImageNetFormat(),
            new org.labelbridge.format.widerface.WiderFaceFormat(),
            new org.labelbridge.format.vggface2.VggFace2Format(),
            new org.labelbridge.format.market1501.Market1501Format(),
            new org.labelbridge.format.lfw.LfwFormat(),
            new org.labelbridge.format.icdar.IcdarRecognitionFormat(),
            new org.labelbridge.format.icdar.IcdarLocalizationFormat(),
            new org.labelbridge.format.icdar.IcdarSegmentationFormat(),
            new org.labelbridge.format.openimages.OpenImagesFormat(),
            new org.labelbridge.format.labelme.LabelMeFormat(),
            new org.labelbridge.format.camvid.CamVidFormat(),
            new org.labelbridge.format.cityscapes.CityscapesFormat(),
            new org.labelbridge.format.kitti.KittiFormat(),
            new org.labelbridge.format.mot.MotFormat(),
            new org.labelbridge.format.mots.MotsFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsDetectionFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsDetectionTrackFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsSegmentationFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsObbFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsPoseFormat(),
            new org.labelbridge.format.ultralytics.UltralyticsClassificationFormat(),
            new org.labelbridge.format.datumaro.Datumaro3dFormat(),
            new org.labelbridge.format.kittiraw.KittiRawFormat(),
            new org.labelbridge.format.slypointcloud.SlyPointCloudFormat(),
            new org.labelbridge.format.labelstudio.LabelStudioFormat()
    );

    private Formats() {
    }

    public static List<Format> all() {
        return ALL;
    }

    public static Optional<Format> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The format with this id, or an error that lists the known ids. */
    public static Format require(String id) throws FormatException {
        return byId(id).orElseThrow(() -> new FormatException("unknown format '" + id + "'; known: "
                + String.join(", ", ALL.stream().map(Format::id).toList())));
    }
}
