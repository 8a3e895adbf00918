package io.scenery.slicer.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Loads the FFmpeg natives at startup, so a missing native library stops the service at once rather than at the
 * first upload, and limits FFmpeg's own stderr output to errors (FFmpeg logs per packet at lower levels).
 */
@ApplicationScoped
public class FfmpegLogLevel {

    void onStart(@Observes StartupEvent event) {
        av_log_set_level(AV_LOG_ERROR);
        Log.info("FFmpeg natives loaded; FFmpeg logs errors only");
    }
}
