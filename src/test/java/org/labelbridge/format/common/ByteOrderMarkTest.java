package org.labelbridge.format.common;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labelbridge.archive.DirectorySource;
import org.labelbridge.convert.ConversionOptions;
import org.labelbridge.convert.ConversionRequest;
import org.labelbridge.convert.Converter;
import org.labelbridge.format.datumaro.DatumaroFormat;
import org.labelbridge.testing.Corpus;
import org.labelbridge.testing.Datasets;
import org.labelbridge.testing.Datasets.Loaded;
import org.labelbridge.testing.SameDataset;

/**
 * A UTF-8 byte-order mark at the start of a text file changes nothing, in every format: each
 * opens its text files through {@link TextFiles}. These formats used to read the mark into
 * their first label, id or field.
 */
class ByteOrderMarkTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "mot_1.1/mot_seq, mot, gt/labels.txt",
            "mot_1.1/mot_seq, mot, gt/gt.txt",
            "mots_png_1.0/mots_dataset, mots, train/instances/labels.txt",
            "imagenet_txt/custom_labels, imagenet, train.txt",
            "pascal_voc_1.1/voc_dataset1, voc, ImageSets/Main/train.txt",
            "kitti_1.0/kitti_detection, kitti, training/label_2/000030_10.txt",
            "vggface2_1.0/vgg_face2_dataset, vggface2, bb_landmark/loose_bb_train.csv",
            "vggface2_1.0/vgg_face2_dataset, vggface2, labels.txt",
            "wider_face_1.0/widerface_dataset, wider_face, wider_face_split/wider_face_train_bbx_gt.txt",
            "lfw_1.0/lfw_dataset, lfw, test/annotations/landmarks.txt",
            "camvid_1.0/camvid_dataset, camvid, train.txt",
            "segmentation_mask_1.1/voc_dataset1_segmentation, segmentation_mask, ImageSets/Segmentation/train.txt",
    })
    void aByteOrderMarkChangesNothing(String sample, String format, String file) throws IOException {
        Path plain = Corpus.copy(sample, tmp.resolve("plain"));
        Path marked = Corpus.copy(sample, tmp.resolve("marked"));
        Path text = marked.resolve(file);
        byte[] content = Files.readAllBytes(text);
        assertFalse(content.length >= 3 && (content[0] & 0xFF) == 0xEF, "the sample has a mark already");
        byte[] withMark = new byte[content.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(content, 0, withMark, 3, content.length);
        Files.write(text, withMark);

        SameDataset.assertSame(convert(plain, format, "plain-out"), convert(marked, format, "marked-out"));
    }

    private Loaded convert(Path input, String format, String output) throws IOException {
        Converter.convert(new ConversionRequest(input, format, "datumaro", ConversionOptions.DEFAULTS,
                tmp.resolve(output)));
        return Datasets.read(new DatumaroFormat(), DirectorySource.of(tmp.resolve(output)));
    }
}
