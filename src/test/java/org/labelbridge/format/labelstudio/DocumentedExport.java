package org.labelbridge.format.labelstudio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelbridge.model.Rle;
import org.labelbridge.testing.ImageBytes;

/**
 * A Label Studio export of the shape Label Studio's documentation gives ("Label Studio JSON format
 * of annotated tasks", docs/source/guide/export.md and task_format.md), with what the corpus has
 * no sample of: a brush mask, whole-image choices, per-region text and a number (results sharing
 * the region's id), predictions with scores, two annotators, and each kind of image reference
 * (upload, S3, URL, local storage), beside the images they mean.
 */
final class DocumentedExport {

    /** 4x3 pixels, the left two columns of the middle row set. */
    static final Rle MASK = Rle.fromBitmap(new byte[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}, 3, 4);

    private DocumentedExport() {
    }

    /** The export as {@code export.json} with images in {@code photos/} (no {@code original_width} on the caption). */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("photos"));
        Files.write(dir.resolve("photos/cat.png"), ImageBytes.pngHeader(200, 100));
        Files.write(dir.resolve("photos/dog.png"), ImageBytes.pngHeader(4, 3));
        Files.write(dir.resolve("photos/bird.png"), ImageBytes.pngHeader(640, 480));
        Files.write(dir.resolve("photos/fish.png"), ImageBytes.pngHeader(50, 50));
        StringBuilder rle = new StringBuilder();
        for (int b : BrushRle.encode(MASK)) {
            rle.append(rle.length() == 0 ? "" : ", ").append(b);
        }
        Files.writeString(dir.resolve("export.json"), """
                [
                  {
                    "id": 1,
                    "data": {"image": "/data/upload/3/0a1b2c3d-cat.png", "source": "camera 2"},
                    "annotations": [
                      {
                        "id": 10, "completed_by": 7, "was_cancelled": false, "ground_truth": false,
                        "created_at": "2024-01-01T00:00:00Z", "lead_time": 3.5,
                        "result": [
                          {"id": "box1", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
                           "original_width": 200, "original_height": 100, "image_rotation": 0,
                           "value": {"x": 10, "y": 20, "width": 30, "height": 40, "rotation": 90,
                                     "rectanglelabels": ["Cat"]}},
                          {"id": "box1", "type": "textarea", "from_name": "breed", "to_name": "image",
                           "original_width": 200, "original_height": 100,
                           "value": {"x": 10, "y": 20, "width": 30, "height": 40, "rotation": 90, "text": ["tabby"]}},
                          {"id": "box1", "type": "number", "from_name": "age", "to_name": "image",
                           "value": {"number": 4}},
                          {"id": "cls", "type": "choices", "from_name": "scene", "to_name": "image",
                           "value": {"choices": ["Indoor"]}}
                        ]
                      },
                      {
                        "id": 11, "completed_by": 8,
                        "result": [
                          {"id": "poly", "type": "polygonlabels", "from_name": "outline", "to_name": "image",
                           "original_width": 200, "original_height": 100,
                           "value": {"points": [[10, 10], [50, 10], [50, 50]], "closed": true,
                                     "polygonlabels": ["Cat"]}}
                        ]
                      }
                    ],
                    "predictions": [
                      {
                        "model_version": "yolo-v8", "score": 0.8,
                        "result": [
                          {"id": "p1", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
                           "original_width": 200, "original_height": 100, "score": 0.75,
                           "value": {"x": 50, "y": 50, "width": 10, "height": 10, "rectanglelabels": ["Dog"]}}
                        ]
                      }
                    ]
                  },
                  {
                    "id": 2,
                    "data": {"image": "s3://bucket/raw/dog.png"},
                    "annotations": [
                      {
                        "id": 20, "completed_by": 7,
                        "result": [
                          {"id": "m1", "type": "brushlabels", "from_name": "tag", "to_name": "image",
                           "original_width": 4, "original_height": 3, "image_rotation": 0, "origin": "manual",
                           "value": {"format": "rle", "rle": [%s], "brushlabels": ["Dog"]}}
                        ]
                      }
                    ]
                  },
                  {
                    "id": 3,
                    "data": {"image": "https://cdn.example.com/x/bird.png?token=abc"},
                    "annotations": [
                      {
                        "id": 30, "completed_by": 7,
                        "result": [
                          {"id": "kp", "type": "keypointlabels", "from_name": "kp", "to_name": "image",
                           "original_width": 640, "original_height": 480,
                           "value": {"x": 25, "y": 50, "width": 0.5, "keypointlabels": ["Beak"]}},
                          {"id": "cap", "type": "textarea", "from_name": "caption", "to_name": "image",
                           "value": {"text": ["a bird on a branch"]}}
                        ]
                      }
                    ]
                  },
                  {
                    "id": 4,
                    "data": {"image": "/data/local-files/?d=photos/fish.png"},
                    "annotations": [
                      {"id": 40, "completed_by": 7, "was_cancelled": true, "result": [
                        {"id": "x", "type": "choices", "from_name": "scene", "to_name": "image",
                         "value": {"choices": ["Outdoor"]}}]}
                    ]
                  }
                ]
                """.formatted(rle));
        return dir;
    }
}
