package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Starts the analyses of scenes-ready records. While another run owns an analysis, such as a requested run or the
 * run of an earlier delivery of the same record, it waits for that run instead of starting a second one. The record
 * stays unacknowledged meanwhile, so it is not lost if the other run dies.
 */
@ApplicationScoped
public class AnalysisStarter {

    private final AnalysisStore store;
    private final Duration staleAfter;
    private final Duration pollInterval;

    public AnalysisStarter(AnalysisStore store, VlmConfig config) {
        this.store = store;
        this.staleAfter = config.analysisStaleAfter();
        this.pollInterval = config.analysisWaitPollInterval();
    }

    /**
     * Starts the task's analysis of the detect type over the scenes, polling the database while another run owns
     * it until that run has ended or made no update for longer than the stale-after time.
     *
     * @return {@link AnalysisStart.Started} when the caller must run the analysis, or
     *         {@link AnalysisStart.AlreadyCompleted} when it is COMPLETED over the same scenes, by the run waited for
     *         or before. It is never {@link AnalysisStart.OwnedByLiveRun}.
     * @throws IllegalStateException when the thread is interrupted while waiting, with its interrupt flag set again
     */
    public AnalysisStart start(UUID taskId, DetectType detectType, List<SceneRef> scenes) {
        AnalysisStart start = store.start(taskId, detectType, scenes, staleAfter);
        if (!(start instanceof AnalysisStart.OwnedByLiveRun owner)) {
            return start;
        }

        Log.infof("Analysis %s of task %s is %s under run %s, last updated at %s. Waiting until that run ends or "
                        + "makes no update for %s, checking every %d ms", detectType.wireName(), taskId, owner.status(),
                owner.runId(), owner.updatedAt(), staleAfter, pollInterval.toMillis());
        long waitStartNanos = System.nanoTime();
        while (start instanceof AnalysisStart.OwnedByLiveRun) {
            pause(taskId, detectType);
            start = store.start(taskId, detectType, scenes, staleAfter);
        }

        long waitedMillis = Duration.ofNanos(System.nanoTime() - waitStartNanos).toMillis();
        String outcome = start instanceof AnalysisStart.Started
                ? "the other run ended or went stale, running the analysis now"
                : "the analysis is completed";
        Log.infof("Analysis %s of task %s: stopped waiting after %d ms because %s", detectType.wireName(), taskId,
                waitedMillis, outcome);
        return start;
    }

    private void pause(UUID taskId, DetectType detectType) {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another run of analysis "
                    + detectType.wireName() + " of task " + taskId, e);
        }
    }
}
