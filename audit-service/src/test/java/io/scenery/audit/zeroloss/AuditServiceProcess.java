package io.scenery.audit.zeroloss;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged audit-service ({@code target/quarkus-app/quarkus-run.jar}) in a child JVM, pointed at a given broker
 * and database, so that a test can kill it with SIGKILL as a crash would and start it again.
 */
final class AuditServiceProcess {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;

    private AuditServiceProcess(Process process) {
        this.process = process;
    }

    /** Starts the service; its output is appended to {@code logFile}. */
    static AuditServiceProcess start(String bootstrapServers, String jdbcUrl, Path logFile) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("audit-service jar " + JAR.toAbsolutePath()
                    + " not found; build it first with: mvn -B -pl audit-service package -DskipTests");
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m",
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.http.port=0",
                "-jar", JAR.toAbsolutePath().toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            AuditServiceProcess service = new AuditServiceProcess(process);
            Runtime.getRuntime().addShutdownHook(new Thread(service::kill));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start audit-service from " + JAR.toAbsolutePath(), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM with SIGKILL: no shutdown hook runs, no offset is committed on the way out. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
