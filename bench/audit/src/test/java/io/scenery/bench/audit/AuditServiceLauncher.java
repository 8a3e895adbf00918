package io.scenery.bench.audit;

import io.scenery.testing.ChildProcesses;
import io.scenery.testing.ProjectLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged audit-service in a child JVM, pointed at the test broker and a given database. */
final class AuditServiceLauncher implements AutoCloseable {

    private final Process process;

    private AuditServiceLauncher(Process process) {
        this.process = process;
    }

    /** Starts the service with extra {@code -D} settings; its output goes to {@code logFile}. */
    static AuditServiceLauncher start(String bootstrapServers, String jdbcUrl, List<String> settings, Path logFile) {
        Path jar = ProjectLayout.moduleDirectory("audit-service").resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("audit-service jar " + jar + " not found; build it first with: "
                    + "mvn -B -pl audit-service package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.http.port=0"));
        settings.forEach(setting -> command.add("-D" + setting));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new AuditServiceLauncher(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start audit-service from " + jar, e);
        }
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
