package io.scenery.slicer.rest;

/** The body of every error response. */
public record ErrorView(String error) {
}
