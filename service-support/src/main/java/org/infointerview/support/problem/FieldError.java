package org.infointerview.support.problem;

/**
 * One rejected field in a problem response's {@code errors} list.
 *
 * @param field the field's path in the request, such as {@code emails[0]}
 * @param reason why it was rejected
 */
public record FieldError(String field, String reason) {}
