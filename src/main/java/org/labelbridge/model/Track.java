package org.labelbridge.model;

/**
 * The place of one annotation in a track (an object followed over frames).
 *
 * @param id       track id, unique within the dataset
 * @param keyframe whether a person (not interpolation) set this frame
 * @param outside  whether the object has left the frame here (the shape is not visible)
 */
public record Track(long id, boolean keyframe, boolean outside) {
}
