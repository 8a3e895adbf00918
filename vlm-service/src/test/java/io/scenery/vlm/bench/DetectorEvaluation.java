package io.scenery.vlm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenery.events.DetectType;
import io.scenery.vlm.config.VlmConfig;
import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.BoxMerger;
import io.scenery.vlm.detection.ControlClassifier;
import io.scenery.vlm.detection.ControlLabeler;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.OfflineElementDetector;
import io.scenery.vlm.detection.RegionFinder;
import io.scenery.vlm.detection.TesseractEngines;
import io.scenery.vlm.detection.TextRecognizer;
import io.scenery.vlm.detection.TouchLayout;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Precision, recall and F1 at IoU 0.5 of the offline detector on screenshots with ground-truth boxes. Each image
 * {@code <name>.png} in a directory comes with {@code <name>.truth.json}, an array of {x, y, width, height}.
 * Matching is greedy, best IoU first, one detection per truth box.
 *
 * <p>Usage: {@code DetectorEvaluation control|text|all DIR [DIR...]}; system properties {@code scenery.vlm.*}
 * override the detector's configuration. With {@code -Dscenery.bench.draw=OUT_DIR}, each image is also written to
 * {@code OUT_DIR/<name>.boxes.png} with truth boxes in green, matched detections in blue and unmatched ones in red.
 */
public final class DetectorEvaluation {

    private static final double MIN_IOU = 0.5;

    private DetectorEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        DetectType detectType = DetectType.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withConverter(java.time.Duration.class, 200, new DurationConverter())
                .withMapping(VlmConfig.class).build();
        VlmConfig vlm = config.getConfigMapping(VlmConfig.class);
        TesseractEngines engines = new TesseractEngines(vlm);
        OfflineElementDetector detector = new OfflineElementDetector(new RegionFinder(vlm),
                new ControlClassifier(vlm), new BoxMerger(vlm), new TextRecognizer(vlm, engines),
                new ControlLabeler(), new TouchLayout(vlm), vlm);

        for (int i = 1; i < args.length; i++) {
            evaluate(detector, detectType, Path.of(args[i]));
        }
        System.exit(0);
    }

    private static void evaluate(OfflineElementDetector detector, DetectType detectType, Path dir) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(dir)) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        int truthTotal = 0;
        int foundTotal = 0;
        int matchedTotal = 0;
        int centredTotal = 0;
        long millis = 0;
        for (Path image : images) {
            Path truthFile = image.resolveSibling(image.getFileName().toString().replace(".png", ".truth.json"));
            if (!Files.exists(truthFile)) {
                continue;
            }
            List<BoundingBox> truth = readTruth(truthFile);
            long start = System.nanoTime();
            List<DetectedElement> found;
            try (DecodedImage decoded = DecodedImage.decode(Files.readAllBytes(image))) {
                found = detector.detect(decoded, detectType);
            } catch (io.scenery.vlm.detection.InvalidImageException e) {
                throw new IOException(image + ": " + e.getMessage(), e);
            }
            millis += (System.nanoTime() - start) / 1_000_000;
            List<BoundingBox> foundBoxes = found.stream().map(DetectedElement::box).toList();
            int matched = match(truth, foundBoxes);
            String drawDir = System.getProperty("scenery.bench.draw");
            if (drawDir != null) {
                BoxDrawing.write(image, truth, foundBoxes, matchedFound(truth, foundBoxes),
                        Path.of(drawDir).resolve(image.getFileName().toString().replace(".png", ".boxes.png")));
            }
            if (Boolean.getBoolean("scenery.bench.verbose")) {
                found.forEach(e -> System.out.printf("    found %-8s %-24s %s%n", e.type().wireName(), e.label(),
                        e.box()));
            }
            centredTotal += matchCentres(truth, found.stream().map(DetectedElement::box).toList());
            truthTotal += truth.size();
            foundTotal += found.size();
            matchedTotal += matched;
            System.out.printf("  %-40s truth %3d  found %3d  matched %3d  P %.2f  R %.2f%n", image.getFileName(),
                    truth.size(), found.size(), matched, ratio(matched, found.size()), ratio(matched, truth.size()));
        }
        double precision = ratio(matchedTotal, foundTotal);
        double recall = ratio(matchedTotal, truthTotal);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf("%s (%s, %d images, %d ms per image): truth %d, found %d, matched %d, precision %.3f, "
                        + "recall %.3f, F1 %.3f%n", dir, detectType.wireName(), images.size(),
                images.isEmpty() ? 0 : millis / images.size(), truthTotal, foundTotal, matchedTotal, precision,
                recall, f1);
        double centredPrecision = ratio(centredTotal, foundTotal);
        double centredRecall = ratio(centredTotal, truthTotal);
        System.out.printf("  with a match meaning the detection's centre lies in the truth box: matched %d, "
                        + "precision %.3f, recall %.3f, F1 %.3f%n", centredTotal, centredPrecision, centredRecall,
                centredPrecision + centredRecall == 0 ? 0
                        : 2 * centredPrecision * centredRecall / (centredPrecision + centredRecall));
    }

    /**
     * Counts one-to-one matches where a detection's centre lies inside a truth box, smallest truth box first. This
     * looser criterion separates finding an element from drawing its box the way the ground truth does (touch
     * targets on Android are larger than what is drawn).
     */
    static int matchCentres(List<BoundingBox> truth, List<BoundingBox> found) {
        List<BoundingBox> bySize = new ArrayList<>(truth);
        bySize.sort(java.util.Comparator.comparingLong(BoundingBox::area));
        boolean[] used = new boolean[found.size()];
        int matched = 0;
        for (BoundingBox box : bySize) {
            for (int f = 0; f < found.size(); f++) {
                if (!used[f] && box.containsCenterOf(found.get(f))) {
                    used[f] = true;
                    matched++;
                    break;
                }
            }
        }
        return matched;
    }

    static int match(List<BoundingBox> truth, List<BoundingBox> found) {
        boolean[] foundUsed = matchedFound(truth, found);
        int matched = 0;
        for (boolean used : foundUsed) {
            matched += used ? 1 : 0;
        }
        return matched;
    }

    /** Returns, per detection, whether greedy best-IoU-first matching pairs it with a truth box. */
    static boolean[] matchedFound(List<BoundingBox> truth, List<BoundingBox> found) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int f = 0; f < found.size(); f++) {
                double iou = truth.get(t).iou(found.get(f));
                if (iou >= MIN_IOU) {
                    pairs.add(new double[]{iou, t, f});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        boolean[] truthUsed = new boolean[truth.size()];
        boolean[] foundUsed = new boolean[found.size()];
        for (double[] pair : pairs) {
            int t = (int) pair[1];
            int f = (int) pair[2];
            if (!truthUsed[t] && !foundUsed[f]) {
                truthUsed[t] = true;
                foundUsed[f] = true;
            }
        }
        return foundUsed;
    }

    private static List<BoundingBox> readTruth(Path file) throws IOException {
        List<BoundingBox> boxes = new ArrayList<>();
        for (JsonNode node : new ObjectMapper().readTree(file.toFile())) {
            boxes.add(new BoundingBox(node.get("x").asInt(), node.get("y").asInt(), node.get("width").asInt(),
                    node.get("height").asInt()));
        }
        return boxes;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
