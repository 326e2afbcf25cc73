package org.infointerview.support.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A time zone id such as {@code Europe/Paris}, as a request field: one {@link java.time.ZoneId#of}
 * reads. Absent is allowed (pair with {@code @NotNull} when it is required).
 */
@Documented
@Constraint(validatedBy = TimeZoneIdValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface TimeZoneId {

  String message() default "is not an IANA time zone such as Europe/Paris";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
