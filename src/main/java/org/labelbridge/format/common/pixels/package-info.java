/**
 * Pixel machinery shared by the mask formats (Segmentation mask, VOC, Cityscapes, CamVid,
 * KITTI, MOTS, ICDAR): mask files in and out, shapes to pixels and back, merging instance
 * masks into class and instance maps and splitting them again, and colour maps.
 * JDK only ({@code java.util.zip} for PNGs, ImageIO for interlaced PNGs and BMP).
 *
 * <h2>Files</h2>
 * {@link org.labelbridge.format.common.pixels.MaskImages} decodes PNG (1-16 bit; grey,
 * palette, RGB; alpha ignored) and BMP into raw samples kept as row runs
 * ({@link org.labelbridge.format.common.pixels.MaskImage#runs()}): a palette PNG gives indices
 * and its palette, never colours alone. {@link org.labelbridge.format.common.pixels.PngEncoder}
 * writes 8-bit palette, 8/16-bit grey and 8-bit RGB PNGs with fixed bytes for a given image.
 *
 * <h2>Runs, not pixels</h2>
 * Masks are long runs of one value, so the writing path works run by run: shapes are
 * rasterised into row spans (polygon edges stepped row to row exactly, their crossings
 * bucketed by row; an RLE through {@code MaskRows}, its row-major view built without a
 * bitmap), {@link org.labelbridge.format.common.pixels.MaskCompositor} buckets all shapes'
 * spans by row and composites each row into runs
 * ({@link org.labelbridge.format.common.pixels.RunImage}), recolouring maps runs (on the
 * encoder threads, inside the entry's content), and the PNG's zlib stream is written from the
 * runs ({@code RunDeflateStream}: fixed Huffman codes, a run as a literal and copies at
 * distance 1, rows repeating the one above as one copy however many they are, Adler-32 in
 * closed form); images of short runs go through {@code java.util.zip.Deflater} instead.
 * {@link org.labelbridge.format.common.pixels.MaskContours} traces from the row runs too.
 *
 * <p>Reading goes the same way back. {@code PngRunDecoder} inflates a PNG row by row, undoes
 * the row's filter (any of the five) and cuts it into runs where a pixel's bytes differ from
 * the next pixel's (a vectorised {@code Arrays.mismatch} of the row against itself one pixel
 * on); a row whose bytes equal the row above takes its runs without looking at a pixel. The
 * chunk CRCs are checked, and a corrupt file (CRC, truncated data, bad filter type, bad zlib
 * stream) is refused naming it. Interlaced PNGs and BMPs are decoded by ImageIO and cut into
 * runs. Mask readers map samples to values run by run, and
 * {@link org.labelbridge.format.common.pixels.MaskSplitter} turns a map's row runs into each
 * value's column-major RLE by visiting only the pixels whose value differs from the one above,
 * so no reader holds a pixel array of a mask.
 *
 * <h2>The pixel rule</h2>
 * Pixel {@code (x, y)} is the unit square {@code [x, x+1) x [y, y+1)}; a shape covers it when
 * the shape contains its centre {@code (x + 0.5, y + 0.5)}. For polygons (and boxes, which
 * are the polygon of their corners):
 * <ol>
 * <li>every vertex is first rounded to the nearest 1/5 pixel, halves up, as pycocotools'
 *     {@code rleFrPoly} (behind {@code frPyObjects}, used by COCO, Datumaro and CVAT) does;
 * <li>the centre is inside by the even-odd rule: an odd number of edges cross the row
 *     {@code y + 0.5} left of {@code x + 0.5}. After rounding no vertex and no horizontal or
 *     vertical edge can pass through a centre; when a slanted edge does, the centre is decided
 *     as the point just below it, so the edge takes the pixel when the shape lies below the
 *     edge (pycocotools breaks these ties the same way).
 * </ol>
 * The test is exact (integers in tenths of a pixel). {@code [0,0, 1,0, 1,2, 0,2]} covers
 * pixels (0,0) and (0,1), its area, as in pycocotools. pycocotools itself walks edges on a
 * 1/5-pixel grid with its own rounding, so the two can differ on pixels whose centre lies
 * within about 0.2 pixel of a slanted edge. Measured against a transcription of its
 * {@code rleFrPoly} on 1200 random shapes: axis-aligned boxes at any position identical
 * (400 of 400); polygons with integer vertices 98.0% of covered pixels identical, with
 * fractional vertices 96.2%; every differing pixel centre within 0.21 pixel of an edge.
 * Traced masks (vertices on pixel corners) come back exactly. Several polygons of one
 * instance are unioned (pycocotools' {@code merge}). Ellipses cover the pixels whose centre
 * is inside or on them. See {@link org.labelbridge.format.common.pixels.Rasterizer}.
 *
 * <h2>Masks to polygons</h2>
 * {@link org.labelbridge.format.common.pixels.MaskContours} traces pixel edges, so each
 * polygon rasterises back to exactly its pixels. Parts are 4-connected; each part is one
 * {@link org.labelbridge.format.common.pixels.MaskRegion} with its holes. The model's polygon
 * has no holes: a writer keeps such a mask as a mask where it can, or writes the outer ring
 * and reports the filled holes. Nothing is merged or lost without a report. Only corners are
 * kept; {@link org.labelbridge.format.common.pixels.OutlineSimplifier} simplifies an outline
 * further, within a tolerance, when a user asks for it ({@code polygon_tolerance}).
 *
 * <h2>Mask files to annotations</h2>
 * {@link org.labelbridge.format.common.pixels.PixelValues} is the one way the mask readers
 * (CamVid, Segmentation mask, Cityscapes, KITTI, MOTS) read a decoded file: each sample as the
 * value it stands for, run by run, checked once per distinct sample with errors naming the
 * first pixel that has it, then one mask per value with the annotation the format gives it. {@code MaskImages.read(source, path)}
 * and {@code readGrey} decode a file and name it in errors.
 *
 * <h2>Class and instance maps</h2>
 * {@link org.labelbridge.format.common.pixels.MaskCompositor} paints shapes by z-order
 * (higher on top, ties in order added), reporting hidden pixels per instance;
 * {@link org.labelbridge.format.common.pixels.MaskSplitter} splits maps back into masks.
 * {@link org.labelbridge.format.common.pixels.VocMaskMaps} decodes Pascal VOC's class PNG (label
 * colours) and instance PNG (VOC palette colour i = instance i) into such maps.
 *
 * <h2>Colours</h2>
 * {@link org.labelbridge.format.common.pixels.VocPalette} (the VOC bit-interleaving palette),
 * {@link org.labelbridge.format.common.pixels.ColorMap} (index to colour and back, for any
 * format's table), {@link org.labelbridge.format.common.pixels.VocLabelMap}
 * ({@code labelmap.txt}: the one parser and writer of it, for VOC and Segmentation mask) and {@link org.labelbridge.format.common.pixels.LabelColors}
 * ({@code label_colors.txt} of CamVid, Cityscapes and KITTI, and the Cityscapes label table).
 *
 * <h2>Writing class maps</h2>
 * {@link org.labelbridge.format.common.pixels.ShapeCanvas} collects an item's paintable
 * shapes and paints them, with the drop, rasterise and hidden-pixel reports every mask writer
 * owes; {@link org.labelbridge.format.common.pixels.MasksReadBack} counts what a reader splits
 * from the painted maps (one mask per instance, or per class) and reports the item as written
 * so; {@link org.labelbridge.format.common.pixels.BackgroundFirstLabels} lays out the classes
 * with the background as class 0, as Datumaro's exporters do;
 * {@link org.labelbridge.format.common.pixels.InstanceNumbers} numbers instances within their
 * class for maps that code class and instance in one value (Cityscapes, KITTI).
 */
package org.labelbridge.format.common.pixels;
