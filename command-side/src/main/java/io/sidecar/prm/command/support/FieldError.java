package io.sidecar.prm.command.support;

/**
 * One invalid field of a command, named by its JSON path ({@code contact.email}).
 *
 * @param field   the field's path as the client sent it
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {}
