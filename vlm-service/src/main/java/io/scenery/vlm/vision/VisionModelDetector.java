package io.scenery.vlm.vision;

import io.quarkus.logging.Log;
import io.scenery.events.DetectType;
import io.scenery.vlm.config.VlmConfig;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.Detection;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.ElementType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;

/** Asks the vision model alone for the elements of a keyframe; every element it returns has source {@code vlm}. */
@ApplicationScoped
@Typed(VisionModelDetector.class)
public class VisionModelDetector implements ElementDetector {

    private final VisionModelClient client;
    private final KeyframeEncoder encoder;
    private final VlmConfig.Model config;

    public VisionModelDetector(VisionModelClient client, KeyframeEncoder encoder, VlmConfig config) {
        this.client = client;
        this.encoder = encoder;
        this.config = config.model();
    }

    @Override
    public List<DetectedElement> detect(DecodedImage image, DetectType detectType) {
        return detectWithUsage(image, detectType, "an ad-hoc image").elements();
    }

    @Override
    public Detection detectWithUsage(DecodedImage image, DetectType detectType, String context) {
        ModelImage sent = encoder.encode(image.bgr());
        String prompt = VisionPrompts.detection(detectType, config.boxScale(), sent.width(), sent.height());
        ModelReply reply = client.ask(context, prompt, sent);

        ReplyElements read = ReplyReader.read(reply.text(), config.boxScale(), sent, image.width(), image.height());
        if (read.dropped() > 0 || read.clipped() > 0 || read.rescaled() || read.repaired()) {
            Log.infof("Vision model reply for %s: %d elements kept, %d dropped (%d of unknown type), %d clipped, "
                            + "scale corrected: %s, truncated JSON repaired: %s", context, read.elements().size(),
                    read.dropped(), read.unknownTypes(), read.clipped(), read.rescaled(), read.repaired());
        }
        List<DetectedElement> wanted = read.elements().stream().filter(e -> wanted(e, detectType)).toList();
        return new Detection(wanted, reply.inputTokens(), reply.outputTokens(), reply.attempts());
    }

    static boolean wanted(DetectedElement element, DetectType detectType) {
        return switch (detectType) {
            case CONTROL -> element.type() != ElementType.TEXT;
            case TEXT -> element.type() == ElementType.TEXT;
            case ALL -> true;
        };
    }
}
