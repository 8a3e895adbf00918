package io.scenery.cli;

import java.net.URI;

/** Base URLs of the four services. */
record ServiceUrls(URI ingest, URI slicer, URI vlm, URI audit) {

    static ServiceUrls local() {
        return new ServiceUrls(URI.create("http://127.0.0.1:8080"), URI.create("http://127.0.0.1:8081"),
                URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8083"));
    }
}
