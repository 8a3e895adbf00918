package io.scenery.vlm.service;

import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.storage.BlobStore;
import io.scenery.vlm.detection.DecodedImage;
import io.scenery.vlm.detection.Detection;
import io.scenery.vlm.detection.ElementDetector;
import io.scenery.vlm.detection.InvalidImageException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a scene's keyframe from the blob store and runs the configured detector on it. */
@ApplicationScoped
public class KeyframeAnalyzer {

    private final BlobStore blobStore;
    private final ElementDetector detector;

    public KeyframeAnalyzer(BlobStore blobStore, ElementDetector detector) {
        this.blobStore = blobStore;
        this.detector = detector;
    }

    /**
     * Detects the requested elements in the scene's keyframe.
     *
     * @throws KeyframeUnreadableException naming the scene and key when the keyframe is missing or not an image
     */
    public SceneDetection analyze(SceneRef scene, DetectType detectType) throws KeyframeUnreadableException {
        byte[] encoded = read(scene);
        try (DecodedImage image = DecodedImage.decode(encoded)) {
            Detection detection = detector.detectWithUsage(image, detectType,
                    "scene " + scene.sceneNumber() + " (" + scene.sceneId() + ")");
            return new SceneDetection(image.width(), image.height(), detection.elements(), detection.inputTokens(),
                    detection.outputTokens(), detection.modelAttempts());
        } catch (InvalidImageException e) {
            throw new KeyframeUnreadableException(describe(scene) + " is not a readable image: " + e.getMessage(), e);
        }
    }

    private byte[] read(SceneRef scene) throws KeyframeUnreadableException {
        if (scene.keyframeKey() == null || scene.keyframeKey().isBlank()) {
            throw new KeyframeUnreadableException("scene " + scene.sceneNumber() + " (" + scene.sceneId()
                    + ") has no keyframe key", null);
        }
        try {
            Path path = blobStore.localPath(scene.keyframeKey());
            return Files.readAllBytes(path);
        } catch (IllegalArgumentException e) {
            throw new KeyframeUnreadableException(describe(scene) + " has an invalid key: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new KeyframeUnreadableException(describe(scene) + " was not found in the blob store", e);
        } catch (IOException e) {
            throw new KeyframeUnreadableException(describe(scene) + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String describe(SceneRef scene) {
        return "the keyframe of scene " + scene.sceneNumber() + " (" + scene.sceneId() + ") at key '"
                + scene.keyframeKey() + "'";
    }
}
