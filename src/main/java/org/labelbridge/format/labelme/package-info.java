/**
 * LabelMe 3.0 ({@code labelme}): one XML file per image, as the LabelMe annotation tool, CVAT
 * and Datumaro write it.
 *
 * <pre>
 * [&lt;subset&gt;/]&lt;path&gt;.xml                      &lt;annotation&gt;: filename, folder, imagesize, objects
 * [&lt;subset&gt;/]&lt;path&gt;.jpg                      the image, beside its XML
 * [&lt;subset&gt;/]Masks/&lt;id&gt;_mask_&lt;n&gt;.png         a {@code <segm>} object's mask (any non-black pixel is set)
 * </pre>
 *
 * <p>Reading (as Datumaro's importer): every {@code *.xml} is an item; an XML in a folder is in
 * the subset named by its first folder, one at the root in the default subset. The item id is
 * {@code <folder>/<filename>} without the extension; the image is the file named by
 * {@code <filename>} beside the XML. An object is a {@code Polygon} ({@code <polygon>}), a
 * {@code Bbox} ({@code <polygon>} with {@code <type>bounding_box}) or a {@code Mask}
 * ({@code <segm><mask>}); its id is {@code <id>}; its attributes are those of the
 * {@code <attributes>} text ({@code a1} gives {@code a1=true}, {@code k=v} a Boolean, Long,
 * Double or String as Datumaro types it, {@code k="3"} the string), then {@code occluded}
 * ({@code <occluded>yes}) and {@code username} (of the polygon or segm). Objects marked
 * {@code <deleted>1} are not read (reported). {@code <parts>}: an object with parts and no parent
 * starts a group that its parts (and theirs) join; groups are numbered 1, 2, ... from the
 * highest such object id down, as Datumaro does. Labels are the object names in order of first
 * appearance. Scribbles are drawing aids, not read (reported).
 *
 * <p>Writing (as CVAT's export, through Datumaro's exporter): {@code <subset>/<id>.xml} for
 * every item (the default subset in {@code default/}), the image beside it, boxes as
 * {@code bounding_box} polygons, masks as black-and-amber palette PNGs in {@code <subset>/Masks/};
 * object ids 0, 1, ... in annotation order; the first annotation of a group lists the others as
 * its parts. Coordinates are written exactly (CVAT rounds to 2 decimals). What cannot be held is
 * reported: other annotation kinds, rotation, lone group members, label declarations.
 *
 * <p>Consumer: CVAT imports LabelMe through Datumaro's {@code labelme_format.py}
 * ({@code LabelMeExtractor._parse}, {@code _parse_annotations}). It requires of each XML:
 * {@code <filename>} and {@code <folder>} present (the item id is their join), {@code <imagesize>}
 * {@code nrows}/{@code ncols} integers; each object with a {@code <name>} element (empty: no label), an
 * integer {@code <id>} once in the file, {@code <deleted>} 0 or 1, {@code <parts>} naming objects of the
 * file; a {@code <polygon>} of 3 points or more, or 4 corners as a {@code bounding_box}; a
 * {@code <segm>}'s mask at {@code <root>/<subset>/Masks/<mask>} ("Can't find mask"), at the image's size.
 * {@code LabelMeConsumerContractTest} checks this on every corpus sample's output.
 * Item ids that name files are written as clean relative paths ({@code format.common.FileNames}),
 * reported.
 */
package org.labelbridge.format.labelme;
