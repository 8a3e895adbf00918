package io.scenery.events.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records an audit event for each call of the annotated method: on return, on exception, and for methods returning
 * {@code Uni} or {@code CompletionStage} when the result completes. The target is the parameter marked
 * {@link AuditTarget}, else the first {@code UUID} parameter, else the task id of the first
 * {@link io.scenery.events.TaskEvent} parameter.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action recorded, such as {@code slicing.run}. */
    @Nonbinding
    String value() default "";
}
