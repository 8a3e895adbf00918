package io.scenery.events.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds details to the audit event that the innermost {@link Audited} call on this thread records: a target known only
 * inside the method (such as a task id it creates), attributes, and an outcome for a method that handles a failure
 * without throwing. Calls outside an {@link Audited} method change nothing.
 *
 * <p>For methods returning {@code Uni} or {@code CompletionStage}, only details set before the method returns are
 * recorded; code that runs later on another thread is outside the scope.
 */
public final class AuditScope {

    private static final ThreadLocal<AuditScope> CURRENT = new ThreadLocal<>();

    private final AuditScope enclosing;
    private final Map<String, String> attributes = new HashMap<>();
    private String target;
    private String outcome;

    private AuditScope(AuditScope enclosing) {
        this.enclosing = enclosing;
    }

    /** Sets the event's target, overriding the {@link AuditTarget} parameter. */
    public static void target(Object target) {
        AuditScope scope = CURRENT.get();
        if (scope != null && target != null) {
            scope.target = target.toString();
        }
    }

    /** Adds an attribute to the event; a null value is left out. */
    public static void attribute(String name, Object value) {
        AuditScope scope = CURRENT.get();
        if (scope != null && value != null) {
            scope.attributes.put(name, value.toString());
        }
    }

    /**
     * Sets the outcome of a call that returns normally, such as {@code failed:<ErrorType>} for a failure the method
     * handled itself. An exception thrown by the method still sets {@code failed:<ExceptionType>}.
     */
    public static void outcome(String outcome) {
        AuditScope scope = CURRENT.get();
        if (scope != null) {
            scope.outcome = outcome;
        }
    }

    /** Opens a scope for an intercepted call on this thread. */
    static AuditScope enter() {
        AuditScope scope = new AuditScope(CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** Closes this scope, making the enclosing one current again. */
    void exit() {
        if (enclosing == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(enclosing);
        }
    }

    String targetOr(String parameterTarget) {
        return target == null ? parameterTarget : target;
    }

    String outcomeOr(String defaultOutcome) {
        return outcome == null ? defaultOutcome : outcome;
    }

    Map<String, String> attributes() {
        return attributes;
    }
}
