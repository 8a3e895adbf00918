package io.scenery.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds sibling modules and the shared test data from a test's working directory, which is its module. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /** Returns the directory of the named module of this project. */
    public static Path moduleDirectory(String module) {
        return projectRoot().resolve(module);
    }

    /** Returns the project root: the nearest directory upwards that contains the parent pom and the kafka-broker module. */
    public static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("pom.xml")) && Files.isDirectory(directory.resolve("kafka-broker"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Returns the folder of real recordings and screenshots that lies beside the project checkout, or null when it
     * is absent. Tests that need it skip when it is null.
     */
    public static Path sharedData() {
        Path data = projectRoot().resolveSibling("shared").resolve("data");
        return Files.isDirectory(data) ? data : null;
    }
}
