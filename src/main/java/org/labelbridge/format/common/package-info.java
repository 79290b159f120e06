/**
 * Helpers shared by formats: safe XML parsing, COCO's RLE string codec, image headers.
 * Framework-free; formats may depend on this package and the model only.
 */
package org.labelbridge.format.common;
