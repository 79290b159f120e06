package org.labelbridge.format.camvid;

import static org.labelbridge.format.common.pixels.LabelColors.entry;

import java.util.ArrayList;
import java.util.List;
import org.labelbridge.format.common.pixels.BackgroundFirstLabels;
import org.labelbridge.format.common.pixels.LabelColors;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Rgb;

/**
 * CamVid's labels: the 32 classes of the original dataset with their colours (used when a
 * dataset has no label_colors.txt), and the rule CVAT's reader applies to any table: the
 * first black label, else the one named background, else an added {@code background}
 * becomes label 0, since unpainted mask pixels are black.
 */
final class CamVidLabels {

    static final List<LabelColors.Entry> DEFAULT = List.of(
            entry("Void", 0, 0, 0), entry("Animal", 64, 128, 64), entry("Archway", 192, 0, 128),
            entry("Bicyclist", 0, 128, 192), entry("Bridge", 0, 128, 64), entry("Building", 128, 0, 0),
            entry("Car", 64, 0, 128), entry("CartLuggagePram", 64, 0, 192), entry("Child", 192, 128, 64),
            entry("Column_Pole", 192, 192, 128), entry("Fence", 64, 64, 128), entry("LaneMkgsDriv", 128, 0, 192),
            entry("LaneMkgsNonDriv", 192, 0, 64), entry("Misc_Text", 128, 128, 64),
            entry("MotorcycycleScooter", 192, 0, 192), entry("OtherMoving", 128, 64, 64),
            entry("ParkingBlock", 64, 192, 128), entry("Pedestrian", 64, 64, 0), entry("Road", 128, 64, 128),
            entry("RoadShoulder", 128, 128, 192), entry("Sidewalk", 0, 0, 192), entry("SignSymbol", 192, 128, 128),
            entry("Sky", 128, 128, 128), entry("SUVPickupTruck", 64, 128, 192), entry("TrafficCone", 0, 0, 64),
            entry("TrafficLight", 0, 64, 64), entry("Train", 192, 64, 128), entry("Tree", 128, 128, 0),
            entry("Truck_Bus", 192, 128, 192), entry("Tunnel", 64, 0, 64), entry("VegetationMisc", 192, 192, 0),
            entry("Wall", 64, 192, 0));

    private static final Rgb BLACK = new Rgb(0, 0, 0);

    /**
     * The categories a table gives, background first.
     *
     * @param backgroundAdded whether label 0 is an added background, which the table does
     *                        not declare (its pixels are not read as masks)
     */
    record Table(Categories categories, boolean backgroundAdded) {
    }

    private CamVidLabels() {
    }

    static Table of(List<LabelColors.Entry> entries) {
        List<LabelColors.Entry> ordered = new ArrayList<>(entries);
        int background = -1;
        for (int i = 0; i < ordered.size() && background < 0; i++) {
            if (BLACK.equals(ordered.get(i).colour())) {
                background = i;
            }
        }
        for (int i = 0; i < ordered.size() && background < 0; i++) {
            if (ordered.get(i).name().equals(BackgroundFirstLabels.BACKGROUND)) {
                background = i;
            }
        }
        boolean added = background < 0;
        if (added) {
            boolean anyColour = ordered.stream().anyMatch(e -> e.colour() != null);
            ordered.add(0, new LabelColors.Entry(BackgroundFirstLabels.BACKGROUND, anyColour ? BLACK : null));
        } else {
            ordered.add(0, ordered.remove(background));
        }
        return new Table(LabelColors.categories(ordered), added);
    }
}
