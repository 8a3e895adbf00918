package io.scenery.vlm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;

/** Tunables of vlm-service. Pixel sizes are in the pixels of the analysed image. */
@ConfigMapping(prefix = "scenery.vlm")
public interface VlmConfig {

    Detector detector();

    Ocr ocr();

    Model model();

    /**
     * Keyframes of one analysis analysed at once. Vision-model calls are bounded separately by
     * {@code scenery.vlm.model.max-concurrency}; offline detection is CPU-bound.
     */
    @WithDefault("2")
    int sceneConcurrency();

    /** Policy for a task when the analysis of one of its scenes fails. */
    @WithDefault("partial")
    FailurePolicy failurePolicy();

    /** Maximum wait for Kafka to acknowledge one progress event before the analysis gives up on the record. */
    @WithDefault("10s")
    Duration publishTimeout();

    /**
     * Time without an update after which a PENDING or RUNNING analysis counts as abandoned, for example by a
     * replica that stopped, so that a new request may claim and run it again.
     */
    @WithDefault("10m")
    Duration analysisStaleAfter();

    /**
     * Interval between database checks while a scenes-ready record waits for another run of the same analysis to
     * end or go stale, as a duration such as {@code 5s} or {@code 500ms}. Each check locks the analysis row briefly.
     */
    @WithDefault("5s")
    Duration analysisWaitPollInterval();

    /** The OpenCV detector of controls. */
    interface Detector {

        /**
         * The detector that runs: {@code offline} (OpenCV and Tesseract), {@code vlm} (the vision model alone) or
         * {@code hybrid} (offline boxes labelled by the vision model). Without a model base URL it is offline.
         */
        @WithDefault("offline")
        DetectorMode mode();

        /** Morphological gradient, on the 0-255 gray scale, at or above which a pixel counts as an edge. */
        @WithDefault("24")
        int edgeThreshold();

        /**
         * Widest horizontal gap between glyphs or icon parts that still joins them into one region, as a fraction
         * of the image's shorter side (0.009 is 7 pixels on an 800-pixel-high screen).
         */
        @WithDefault("0.009")
        double joinGapWidthFraction();

        /** Tallest vertical gap that still joins two parts into one region, as a fraction of the shorter side. */
        @WithDefault("0.004")
        double joinGapHeightFraction();

        /** Shortest side of a kept region as a fraction of the shorter image side; smaller ones are glyphs or noise. */
        @WithDefault("0.0125")
        double minBoxSideFraction();

        /** Largest kept region as a fraction of the image area; larger regions are layout, searched inside. */
        @WithDefault("0.4")
        double maxBoxAreaFraction();

        /**
         * Share of a region's outline that must lie on edges for the region to count as framed (0 to 1). Below 1,
         * because a tile's outline can be joined with a neighbour's glyph or a scroll bar.
         */
        @WithDefault("0.8")
        double minBorderCoverage();

        /** Tallest control as a fraction of the image height; taller framed regions are containers. */
        @WithDefault("0.12")
        double maxControlHeightFraction();

        /** Maximum side of a checkbox or icon as a fraction of the image's shorter side. */
        @WithDefault("0.06")
        double maxSmallSquareFraction();

        /**
         * On touch screens, share (0 to 1) of an unlabelled control's neighbourhood, the control grown by its longer
         * side on every side, that must be one plain fill. Below it, the control is dropped as a mark in a photo,
         * not a glyph of the interface. Applies to controls no longer than the tallest control, but check boxes.
         */
        @WithDefault("0.5")
        double minSurroundPlainShare();

        /** Edge share (0 to 1) from which a framed region larger than a control is a picture, not a container. */
        @WithDefault("0.1")
        double imageEdgeDensity();

        /**
         * Difference of mean gray, on the 0-255 scale, between a framed panel larger than a control and its
         * surroundings, from which the panel is reported as a picture of its own (a photo tile or coloured card).
         * Panels of the page's own shade, such as white cards on a light page, stay plain containers.
         */
        @WithDefault("25")
        double minPanelContrast();

        /**
         * When the touch-screen layout rules run: {@code auto} on portrait images, {@code always} or {@code never}.
         * They leave out the system status bar and the page behind a dialog's scrim, grow small controls and text
         * to their touch targets, and add list rows.
         */
        @WithDefault("auto")
        TouchLayoutMode touchLayout();

        /**
         * Tallest bar along the image's top or bottom edge that is read item by item, as a fraction of the image
         * height (0.08 is 64 pixels on an 800-pixel-high screen): a desktop's top bar or task bar, or a web page's
         * header. Its texts are reported as menus and buttons, its other marks as icons. Touch screens use the
         * status bar rule instead.
         */
        @WithDefault("0.08")
        double panelMaxHeightFraction();

        /**
         * Tallest system status bar as a fraction of the image height (0.06 is 154 pixels on a 2560-pixel-high
         * screen). A top band up to this height, set off by a full-width edge, holds the clock and indicators of
         * the phone, not elements of the app, and is left out on touch screens.
         */
        @WithDefault("0.06")
        double statusBarMaxHeightFraction();

        /**
         * Factor by which a small control's drawn size is grown, about its centre, to its touch target when no bar
         * around it sets the target's size. Touch toolkits pad small glyphs so that a finger can hit them.
         */
        @WithDefault("1.75")
        double touchTargetScale();

        /**
         * Height of a full-width bar, as a multiple of the larger side of a small control in it, up to which the
         * control's touch target is a square as high as the bar, as for icons in toolbars.
         */
        @WithDefault("4.0")
        double barHeightFactor();

        /** Minimum number of consecutive lines of alike elements, with the same left edge and height, in a list. */
        @WithDefault("3")
        int minListRows();

        /** How many levels of framed containers are searched inside. */
        @WithDefault("4")
        int maxNestingDepth();

        /** Intersection over union at or above which two boxes are taken for one element (0 to 1). */
        @WithDefault("0.6")
        double mergeIou();
    }

    /** Text recognition with Tesseract through its JavaCPP preset. */
    interface Ocr {

        /** Whether Tesseract runs; when off, text detection falls back to text-shaped regions without labels. */
        @WithDefault("true")
        boolean enabled();

        /** Directory of the {@code <language>.traineddata} files. */
        @WithDefault("/usr/share/tesseract-ocr/5/tessdata")
        Path tessdataPath();

        /** Tesseract languages joined by {@code +}, for example {@code eng+chi_sim}. */
        @WithDefault("eng+chi_sim")
        String languages();

        /** Lowest Tesseract confidence (0 to 100) of a kept word or line. */
        @WithDefault("60")
        double minConfidence();

        /**
         * Whether OCR also reads the inverted image with a local threshold, which finds light text on dark or
         * coloured bars at the cost of a second page pass.
         */
        @WithDefault("true")
        boolean readInverted();

        /** Whether text elements are whole lines or single words. */
        @WithDefault("line")
        OcrLevel level();

        /** Maximum number of idle Tesseract engines kept for reuse. Each keeps its language models in memory. */
        @WithDefault("2")
        int maxIdleEngines();
    }

    /** An OpenAI-compatible vision model, reached through langchain4j. */
    interface Model {

        /** Base URL of the OpenAI-compatible API, for example {@code http://127.0.0.1:8000/v1}. Unset means no model. */
        Optional<String> baseUrl();

        /** Model name sent with each request. */
        @WithDefault("gpt-4o-mini")
        String name();

        /** API key sent as a bearer token; many local servers accept any value. */
        @WithDefault("none")
        String apiKey();

        /** Scale of the model's box coordinates: absolute pixels of the sent image, 0 to 1, or 0 to 1000. */
        @WithDefault("pixels")
        BoxScale boxScale();

        /** Maximum side, in pixels, of the image sent to the model. Larger keyframes are downscaled. */
        @WithDefault("1280")
        int maxImageSide();

        /** Largest JPEG sent to the model, in bytes; the quality and then the size are lowered to fit. */
        @WithDefault("400000")
        int maxImageBytes();

        /** Maximum tokens the model may write per reply. */
        @WithDefault("2048")
        int maxOutputTokens();

        /** Maximum wait for one model reply. */
        @WithDefault("60s")
        Duration timeout();

        /** Maximum model calls in flight at once over the whole service. */
        @WithDefault("4")
        int maxConcurrency();

        /** Maximum attempts per model call, the first one included. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second attempt; doubled after each further failure, with random jitter of up to half. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Maximum wait between attempts, also when a Retry-After header requests more. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Consecutive failed calls after which the circuit opens and calls fail at once. */
        @WithDefault("5")
        int circuitFailureThreshold();

        /** How long an open circuit rejects calls before it lets one trial call through. */
        @WithDefault("30s")
        Duration circuitOpenDuration();
    }
}
