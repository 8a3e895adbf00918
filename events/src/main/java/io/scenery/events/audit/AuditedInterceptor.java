package io.scenery.events.audit;

import io.scenery.events.AuditEvent;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.scenery.events.TaskEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Implements {@link Audited} for plain, {@code Uni} and {@code CompletionStage} methods alike. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class AuditedInterceptor {

    private final AuditTrail trail;
    private final Instance<Principal> principal;

    public AuditedInterceptor(AuditTrail trail, Instance<Principal> principal) {
        this.trail = trail;
        this.principal = principal;
    }

    @AroundInvoke
    Object record(InvocationContext context) throws Exception {
        String action = action(context.getMethod());
        String target = target(context);
        String actor = actor();
        // Uni and CompletionStage results may complete on another thread, where the caller's span is not current.
        Context caller = Context.current();
        long started = System.nanoTime();

        Object result;
        AuditScope scope = AuditScope.enter();
        try {
            result = context.proceed();
        } catch (Exception | Error e) {
            publish(caller, action, actor, scope.targetOr(target), AuditEvent.failed(e), started, scope);
            throw e;
        } finally {
            scope.exit();
        }

        String resultTarget = scope.targetOr(target);
        String success = scope.outcomeOr(AuditEvent.SUCCESS);
        if (result instanceof Uni<?> uni) {
            return uni.onItemOrFailure().invoke((item, failure) -> publish(caller, action, actor, resultTarget,
                    failure == null ? success : AuditEvent.failed(failure), started, scope));
        }
        if (result instanceof CompletionStage<?> stage) {
            return stage.whenComplete((item, failure) -> publish(caller, action, actor, resultTarget,
                    failure == null ? success : AuditEvent.failed(unwrap(failure)), started, scope));
        }
        publish(caller, action, actor, resultTarget, success, started, scope);
        return result;
    }

    private void publish(Context caller, String action, String actor, String target, String outcome,
                         long startedNanos, AuditScope scope) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        try (Scope ignored = caller.makeCurrent()) {
            trail.record(action, actor, target, outcome, duration, scope.attributes());
        }
    }

    private static String action(Method method) {
        Audited audited = method.getAnnotation(Audited.class);
        if (audited == null) {
            audited = method.getDeclaringClass().getAnnotation(Audited.class);
        }
        String action = audited == null ? "" : audited.value();
        return action.isEmpty() ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : action;
    }

    private static String target(InvocationContext context) {
        Object[] arguments = context.getParameters();
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < arguments.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof AuditTarget && arguments[i] != null) {
                    return String.valueOf(arguments[i]);
                }
            }
        }
        for (Object argument : arguments) {
            if (argument instanceof UUID id) {
                return id.toString();
            }
        }
        for (Object argument : arguments) {
            if (argument instanceof TaskEvent event && event.taskId() != null) {
                return event.taskId().toString();
            }
        }
        return "unknown";
    }

    /** Returns the authenticated principal's name, or {@code system} outside a request or without security. */
    private String actor() {
        try {
            if (principal.isResolvable()) {
                String name = principal.get().getName();
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
        } catch (ContextNotActiveException e) {
            // Kafka consumers and scheduled jobs run without a request context: the actor is the system.
        }
        return AuditEvent.SYSTEM_ACTOR;
    }

    private static Throwable unwrap(Throwable failure) {
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }
}
