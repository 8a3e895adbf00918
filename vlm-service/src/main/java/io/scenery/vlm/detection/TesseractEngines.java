package io.scenery.vlm.detection;

import io.quarkus.logging.Log;
import io.scenery.vlm.config.VlmConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.tesseract.TessBaseAPI;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.bytedeco.leptonica.global.leptonica.L_SEVERITY_NONE;
import static org.bytedeco.leptonica.global.leptonica.setMsgSeverity;

/**
 * Initialised Tesseract engines for reuse. A {@link TessBaseAPI} is not thread-safe and loading the language
 * models takes about half a second, so each caller borrows an engine of its own and returns it afterwards; at
 * most the configured number of idle engines are kept, extra ones are ended.
 */
@ApplicationScoped
public class TesseractEngines {

    private final VlmConfig.Ocr config;
    private final BlockingQueue<TessBaseAPI> idle;

    public TesseractEngines(VlmConfig config) {
        this.config = config.ocr();
        this.idle = new ArrayBlockingQueue<>(Math.max(1, this.config.maxIdleEngines()));
    }

    /**
     * Returns an idle engine or initialises a new one.
     *
     * @throws OcrException when Tesseract cannot load the configured languages
     */
    public TessBaseAPI borrow() {
        TessBaseAPI engine = idle.poll();
        return engine != null ? engine : create();
    }

    /** Takes an engine back after use, clearing its last image and results. */
    public void release(TessBaseAPI engine) {
        engine.Clear();
        if (!idle.offer(engine)) {
            end(engine);
        }
    }

    @PreDestroy
    void endAll() {
        List<TessBaseAPI> engines = new ArrayList<>();
        idle.drainTo(engines);
        engines.forEach(TesseractEngines::end);
    }

    private TessBaseAPI create() {
        TessBaseAPI engine = new TessBaseAPI();
        // The engine outlives the caller's PointerScope, which would otherwise free it on close. Detaching drops
        // the scope's reference, so one reference is taken first and released by end().
        PointerScope scope = PointerScope.getInnerScope();
        if (scope != null) {
            engine.retainReference();
            scope.detach(engine);
        }
        String path = config.tessdataPath().toString();
        if (engine.Init(path, config.languages()) != 0) {
            end(engine);
            throw new OcrException("Tesseract could not load the languages '" + config.languages() + "' from "
                    + path + "; install the traineddata files there or change scenery.vlm.ocr.tessdata-path "
                    + "and scenery.vlm.ocr.languages");
        }
        // Tesseract prints notes such as its resolution estimate for every image. Leptonica prints messages such as
        // "box outside rectangle" that Tesseract recovers from. Neither is an error of the analysis.
        engine.SetVariable("debug_file", "/dev/null");
        setMsgSeverity(L_SEVERITY_NONE);
        Log.debugf("Initialised a Tesseract engine with languages %s from %s", config.languages(), path);
        return engine;
    }

    private static void end(TessBaseAPI engine) {
        engine.End();
        engine.close();
    }
}
