package io.scenery.events.audit.it;

import io.scenery.events.AuditEvent;
import io.scenery.events.audit.AuditScope;
import io.scenery.events.audit.AuditTarget;
import io.scenery.events.audit.Audited;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Methods of each shape that {@link Audited} supports, each taking about {@link #WORK} before it completes. */
@ApplicationScoped
public class AuditedOperations {

    public static final Duration WORK = Duration.ofMillis(20);

    /** Payload prefix that makes {@link #consume} fail. */
    static final String FAIL_PREFIX = "fail:";

    @Audited("trail.plain")
    public String plain(@AuditTarget String target, boolean fail) {
        sleep();
        if (fail) {
            throw new IllegalStateException("plain call failed for " + target);
        }
        return target;
    }

    @Audited("trail.uni")
    public Uni<String> uni(@AuditTarget String target, boolean fail) {
        Uni<String> delayed = Uni.createFrom().item(target).onItem().delayIt().by(WORK);
        if (fail) {
            return delayed.onItem().failWith(item -> new IllegalArgumentException("uni failed for " + item));
        }
        return delayed;
    }

    @Audited("trail.stage")
    public CompletionStage<String> stage(@AuditTarget String target, boolean fail) {
        return CompletableFuture.supplyAsync(() -> {
            if (fail) {
                throw new UnsupportedOperationException("stage failed for " + target);
            }
            return target;
        }, CompletableFuture.delayedExecutor(WORK.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Creates an id inside the call and records it as the target, with an attribute. */
    @Audited("trail.create")
    public String create(String name) {
        String id = UUID.randomUUID().toString();
        AuditScope.target(id);
        AuditScope.attribute("name", name);
        return id;
    }

    /** Handles a failure without throwing and records it as the outcome. */
    @Audited("trail.handle")
    public void handleRejected(@AuditTarget String target) {
        AuditScope.attribute("reason", "rejected " + target);
        AuditScope.outcome(AuditEvent.failed("Rejected"));
    }

    /** Consumes a record whose value is the target, or {@link #FAIL_PREFIX} and the target to fail. */
    @Incoming("audited-consumer")
    @Blocking
    @Audited("trail.consume")
    public void consume(@AuditTarget String value) {
        sleep();
        if (value.startsWith(FAIL_PREFIX)) {
            throw new IllegalArgumentException("consumer failed for " + value);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(WORK.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
