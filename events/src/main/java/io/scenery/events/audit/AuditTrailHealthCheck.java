package io.scenery.events.audit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the audit trail's delivery counts on {@code /q/health/ready}. It is DOWN while events wait for Kafka without
 * any acknowledgement, or shortly after an event failed for good, as {@link AuditTrail#deliveryProblem()} decides.
 * It is a readiness check and not a liveness check, because a restart would lose the events still in the queue.
 */
@Readiness
@ApplicationScoped
public class AuditTrailHealthCheck implements HealthCheck {

    static final String NAME = "audit-trail";

    private final AuditTrail trail;

    public AuditTrailHealthCheck(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = trail.deliveryProblem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(problem == null)
                .withData("pending", trail.pendingDeliveries())
                .withData("acknowledged", trail.acknowledgedDeliveries())
                .withData("failed", trail.failedDeliveries());
        if (problem != null) {
            response.withData("problem", problem);
        }
        return response.build();
    }
}
