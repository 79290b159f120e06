package org.labelbridge.format.yolo;

/**
 * Where one item's files are.
 *
 * @param imagePath  the image, or {@code null} when the dataset has none for the item
 * @param labelsPath the label file, or {@code null} when there is none
 */
record YoloEntry(String subset, String id, String imagePath, String labelsPath) {
}
