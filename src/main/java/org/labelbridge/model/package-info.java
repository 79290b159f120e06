/**
 * The one dataset model every format reads into and writes from: plain records, no I/O, no
 * framework.
 *
 * <p>A dataset is its {@link org.labelbridge.model.Categories} (labels, skeletons, colours),
 * known before any item, followed by a stream of {@link org.labelbridge.model.Item}s, each
 * carrying its {@link org.labelbridge.model.Annotation}s. Coordinates are in pixels of the
 * item's image, origin at the top left corner; boxes are {@code x, y, w, h}; masks are
 * {@link org.labelbridge.model.Rle} over the whole image. An item's media may instead be a point
 * cloud ({@link org.labelbridge.model.Media#pointCloud}) with its related images; its
 * {@link org.labelbridge.model.Cuboid3d}s are in the point cloud's own 3D space, and its
 * {@code frame} attribute is its place in the sequence. Label references are indices into
 * {@link org.labelbridge.model.Categories#labels()}.
 */
package org.labelbridge.model;
