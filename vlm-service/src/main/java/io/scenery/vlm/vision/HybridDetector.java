package io.scenery.vlm.vision;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.scenery.events.DetectType;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.Detection;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import io.scenery.vlm.detection.OfflineElementDetector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The offline detector finds the boxes; they are drawn numbered on the keyframe and the vision model types, labels
 * or rejects them by number. An element the model typed has source {@code vlm}. An element it did not mention
 * keeps its offline type, label and source.
 */
@ApplicationScoped
@Typed(HybridDetector.class)
public class HybridDetector implements ElementDetector {

    private static final Set<String> REJECTIONS = Set.of("reject", "rejected", "none", "no_element", "noise");

    private final OfflineElementDetector offline;
    private final VisionModelClient client;
    private final KeyframeEncoder encoder;

    public HybridDetector(OfflineElementDetector offline, VisionModelClient client, KeyframeEncoder encoder) {
        this.offline = offline;
        this.client = client;
        this.encoder = encoder;
    }

    @Override
    public List<DetectedElement> detect(DecodedImage image, DetectType detectType) {
        return detectWithUsage(image, detectType, "an ad-hoc image").elements();
    }

    @Override
    public Detection detectWithUsage(DecodedImage image, DetectType detectType, String context) {
        List<DetectedElement> candidates = offline.detect(image, detectType);
        if (candidates.isEmpty()) {
            return Detection.offline(candidates);
        }
        ModelImage sent;
        try (Mat numbered = NumberedOverlay.draw(image.bgr(), candidates)) {
            sent = encoder.encode(numbered);
        }
        ModelReply reply = client.ask(context, VisionPrompts.labelling(candidates.size()), sent);

        JsonNode json = ReplyJson.parse(reply.text()).map(ReplyJson.Parsed::json).orElseThrow(() ->
                new InvalidReplyException("the vision model reply contains no JSON: "
                        + ReplyReader.abbreviate(reply.text())));
        List<DetectedElement> result = new ArrayList<>(candidates);
        boolean[] rejected = new boolean[candidates.size()];
        int unknown = 0;
        int badIds = 0;
        for (JsonNode item : ReplyReader.elementNodes(json)) {
            int id = item.path("id").asInt(-1);
            if (id < 1 || id > candidates.size()) {
                badIds++;
                continue;
            }
            String typeName = item.path("type").asText("");
            if (REJECTIONS.contains(typeName.trim().toLowerCase(Locale.ROOT))) {
                rejected[id - 1] = true;
                continue;
            }
            Optional<ElementType> type = ElementTypes.of(typeName);
            if (type.isEmpty()) {
                unknown++;
                continue;
            }
            DetectedElement before = candidates.get(id - 1);
            String label = Optional.ofNullable(ReplyReader.text(item)).orElse(before.label());
            result.set(id - 1, new DetectedElement(type.get(), label, before.box(), Math.max(before.confidence(), 0.7),
                    ElementSource.VLM, ElementTypes.interactive(type.get())));
        }

        List<DetectedElement> kept = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            if (!rejected[i] && VisionModelDetector.wanted(result.get(i), detectType)) {
                kept.add(result.get(i));
            }
        }
        Log.infof("Hybrid labelling for %s: %d candidates, %d kept, %d with unknown type, %d with unknown number",
                context, candidates.size(), kept.size(), unknown, badIds);
        return new Detection(kept, reply.inputTokens(), reply.outputTokens(), reply.attempts());
    }
}
