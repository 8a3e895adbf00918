package io.scenery.vlm.detection;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens Tesseract OCR sessions, through its JavaCPP preset, when OCR is enabled. */
@ApplicationScoped
public class TextRecognizer {

    private final VlmConfig.Ocr config;
    private final TesseractEngines engines;

    public TextRecognizer(VlmConfig config, TesseractEngines engines) {
        this.config = config.ocr();
        this.engines = engines;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Fails start-up when OCR is enabled but a language's model file is missing, instead of failing each task. */
    void checkLanguageData(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("OCR is disabled (scenery.vlm.ocr.enabled=false); text detection uses image processing only");
            return;
        }
        for (String language : config.languages().split("\\+")) {
            Path model = config.tessdataPath().resolve(language.trim() + ".traineddata");
            if (!Files.isRegularFile(model)) {
                throw new IllegalStateException("OCR is enabled but the Tesseract model " + model + " is missing; "
                        + "install it (Debian: tesseract-ocr-" + language.trim().replace('_', '-')
                        + "), change scenery.vlm.ocr.tessdata-path or scenery.vlm.ocr.languages, "
                        + "or set scenery.vlm.ocr.enabled=false");
            }
        }
        Log.infof("OCR is enabled with languages %s from %s", config.languages(), config.tessdataPath());
    }

    /**
     * Opens an OCR session on an 8-bit gray image, or returns empty when OCR is disabled. The image must stay
     * valid until the session is closed.
     *
     * @throws OcrException when Tesseract cannot be initialised
     */
    public Optional<OcrSession> open(Mat gray) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        return Optional.of(new OcrSession(engines.borrow(), engines, config, gray));
    }
}
