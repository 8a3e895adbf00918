package io.scenery.slicer.service;

import io.scenery.events.SlicingStats;

import java.util.List;

/** The scenes of one video, in order, and how decoding went. */
public record SlicingResult(List<DetectedScene> scenes, SlicingStats stats) {
}
