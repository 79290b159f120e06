package org.labelbridge.format.lfw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelbridge.format.DatasetOutput;
import org.labelbridge.format.DatasetWriter;
import org.labelbridge.format.Problems;
import org.labelbridge.format.common.FileNames;
import org.labelbridge.format.common.NumberText;
import org.labelbridge.model.Annotation;
import org.labelbridge.model.AnnotationKind;
import org.labelbridge.model.Categories;
import org.labelbridge.model.Item;
import org.labelbridge.model.Points;
import org.labelbridge.model.Tag;

/**
 * Writes per subset {@code annotations/pairs.txt} and {@code landmarks.txt} (spooled as items
 * stream), {@code people.txt} at the end (it counts images per person), and the images under
 * {@code images/<person>/}.
 */
final class LfwWriter implements DatasetWriter {

    /** One subset's open files and its image count per label. */
    private static final class SubsetFiles {
        Writer pairs;
        Writer landmarks;
        int[] people;
    }

    private final DatasetOutput output;
    private final Problems problems;
    private Categories categories;
    private final Map<String, SubsetFiles> subsets = new LinkedHashMap<>();

    LfwWriter(DatasetOutput output, Problems problems) {
        this.output = output;
        this.problems = problems;
    }

    @Override
    public void begin(Categories categories) {
        this.categories = categories;
    }

    @Override
    public void write(Item given) throws IOException {
        Item item = FileNames.withPathId(given, problems, "LFW");
        SubsetFiles files = files(item.subset());
        String dir = item.subset() + "/";
        Tag tag = person(item);
        String person = tag == null ? null : categories.nameOf(tag.label());
        String extension = item.media().extension().isEmpty() ? LfwFiles.DEFAULT_IMAGE_EXT : item.media().extension();
        StringBuilder pairs = new StringBuilder();
        if (person != null) {
            String field = LfwImageName.field(person, item.id());
            if (field == null) {
                problems.dropped(item.id(), AnnotationKind.TAG, "an LFW pairs line cannot name an image whose id is"
                        + " a number or holds a tab: its person and pairs are not kept");
                person = null;
            } else {
                files.people[tag.label()]++;
                pairLines(item, tag, person, field, pairs);
                if (pairs.isEmpty()) {
                    pairs.append(person).append('/').append(item.id()).append('\n');
                }
            }
        }
        boolean listed = person != null;
        if (person == null && item.id().indexOf('/') < 0 && item.id().indexOf('\t') < 0) {
            pairs.append(item.id()).append('\n');
            listed = true;
        }
        files.pairs.write(pairs.toString());
        String landmarkPerson = landmarks(item, files, extension);
        // An image no pairs line names is found by its landmarks line, person/<id>: its image goes there.
        String folder = person != null ? person : listed ? null : landmarkPerson;
        String image = dir + LfwFiles.IMAGES_DIR + "/" + (folder == null ? "" : folder + "/") + item.id() + extension;
        boolean copied = output.copyMedia(item.media(), image);
        if (!listed && !copied && landmarkPerson == null) {
            problems.droppedItem(item.id(), "an unlabelled image whose id holds '/' is found only by its image file,"
                    + " and there is none to copy");
        }
    }

    /** The item's first tag (the person); more are reported. */
    private Tag person(Item item) {
        Tag person = null;
        for (Annotation a : item.annotations()) {
            if (!(a instanceof Tag t) || t.label() == null) {
                continue;
            }
            String name = categories.nameOf(t.label());
            if (person != null) {
                problems.dropped(item.id(), AnnotationKind.TAG, "an LFW image shows one person; tag '" + name + "' not kept");
            } else if (name.indexOf('/') >= 0 || name.indexOf('\t') >= 0 || name.equals(LfwFiles.NO_PERSON)) {
                problems.dropped(item.id(), AnnotationKind.TAG, "person '" + name + "' cannot be written in LFW files");
            } else {
                person = t;
            }
        }
        if (person != null) {
            List<String> lost = new ArrayList<>();
            for (String name : person.attributes().keySet()) {
                if (!name.equals(LfwFiles.POSITIVE_PAIRS) && !name.equals(LfwFiles.NEGATIVE_PAIRS)) {
                    lost.add(name);
                }
            }
            if (!lost.isEmpty()) {
                problems.changed(item.id(), AnnotationKind.TAG, "attributes " + lost + " not kept: an LFW person has"
                        + " only positive_pairs and negative_pairs");
            }
        }
        return person;
    }

    /** {@code person n1 n2} per positive pair, {@code person n1 person2 n2} per negative pair. */
    private void pairLines(Item item, Tag tag, String person, String field, StringBuilder lines) {
        for (String pair : values(tag.attributes().get(LfwFiles.POSITIVE_PAIRS))) {
            String other = pair.startsWith(person + "/") ? pair.substring(person.length() + 1) : pair;
            String otherField = other.indexOf('/') < 0 ? LfwImageName.field(person, other) : null;
            if (otherField == null) {
                problems.changed(item.id(), AnnotationKind.TAG, "positive pair '" + pair + "' not kept: a matched pair"
                        + " is two images of " + person);
                continue;
            }
            lines.append(person).append('\t').append(field).append('\t').append(otherField).append('\n');
        }
        for (String pair : values(tag.attributes().get(LfwFiles.NEGATIVE_PAIRS))) {
            int slash = pair.indexOf('/');
            String otherPerson = slash > 0 ? pair.substring(0, slash) : LfwFiles.NO_PERSON;
            String otherField = slash > 0 ? LfwImageName.field(otherPerson, pair.substring(slash + 1))
                    : pair.isEmpty() || pair.indexOf('\t') >= 0 ? null : pair;
            if (otherField == null) {
                problems.changed(item.id(), AnnotationKind.TAG, "negative pair '" + pair + "' not kept: it does not"
                        + " name an image an LFW pairs line can hold");
                continue;
            }
            lines.append(person).append('\t').append(field).append('\t').append(otherPerson).append('\t')
                    .append(otherField).append('\n');
        }
    }

    /** A pairs attribute as image names: a list as given, a text split at commas and spaces. */
    private static List<String> values(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object v : list) {
                values.add(String.valueOf(v).strip());
            }
        } else if (value != null) {
            for (String v : value.toString().split("[,\\s]+")) {
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /**
     * {@code person/image.jpg <tab> x1 <tab> y1 ...} per set of landmarks; the person of the first
     * line written, or {@code null} when none names one.
     */
    private String landmarks(Item item, SubsetFiles files, String extension) throws IOException {
        String first = null;
        for (Annotation a : item.annotations()) {
            if (!(a instanceof Points points)) {
                continue;
            }
            String person = points.label() == null ? null : categories.nameOf(points.label());
            if (person == null ? item.id().indexOf('/') >= 0 : person.indexOf('/') >= 0 || person.indexOf('\t') >= 0) {
                problems.dropped(item.id(), AnnotationKind.POINTS, "an LFW landmarks line names the image as"
                        + " person/image: it cannot hold " + (person == null ? "an unlabelled image with '/' in its id"
                        : "person '" + person + "'"));
                continue;
            }
            StringBuilder line = new StringBuilder();
            line.append(person == null ? "" : person + "/").append(item.id()).append(extension);
            boolean hidden = false;
            for (int i = 0; i < points.size(); i++) {
                line.append('\t').append(NumberText.of(points.x(i))).append('\t').append(NumberText.of(points.y(i)));
                hidden |= points.visibility(i) != Points.VISIBLE;
            }
            if (hidden) {
                problems.changed(item.id(), AnnotationKind.POINTS, "point visibility not kept: LFW landmarks are all visible");
            }
            if (files.landmarks == null) {
                files.landmarks = writer(output.deferred(item.subset() + "/" + LfwFiles.ANNOTATIONS_DIR + "/"
                        + LfwFiles.LANDMARKS_FILE));
            }
            files.landmarks.write(line.append('\n').toString());
            first = first == null ? person : first;
        }
        return first;
    }

    private SubsetFiles files(String subset) throws IOException {
        SubsetFiles files = subsets.get(subset);
        if (files == null) {
            files = new SubsetFiles();
            files.pairs = writer(output.deferred(subset + "/" + LfwFiles.ANNOTATIONS_DIR + "/" + LfwFiles.PAIRS_FILE));
            files.people = new int[categories.labels().size()];
            subsets.put(subset, files);
        }
        return files;
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void finish() throws IOException {
        for (Map.Entry<String, SubsetFiles> subset : subsets.entrySet()) {
            SubsetFiles files = subset.getValue();
            files.pairs.close();
            if (files.landmarks != null) {
                files.landmarks.close();
            }
            try (Writer people = writer(output.entry(subset.getKey() + "/" + LfwFiles.ANNOTATIONS_DIR + "/"
                    + LfwFiles.PEOPLE_FILE))) {
                for (int i = 0; i < files.people.length; i++) {
                    if (categories.label(i).name().indexOf('\t') < 0) {
                        people.write(categories.nameOf(i) + "\t" + files.people[i] + "\n");
                    }
                }
            }
        }
    }
}
