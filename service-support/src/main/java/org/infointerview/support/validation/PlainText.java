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
 * Text people read: no control or invisible formatting characters (a NUL, an escape, a
 * right-to-left override), and line breaks and tabs only where {@link #lines()} allows them. Absent
 * is allowed.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

  /** Whether line breaks and tabs are part of the text (a message), or not (a name, a line). */
  boolean lines() default false;

  String message() default "must be plain text, without control characters";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
