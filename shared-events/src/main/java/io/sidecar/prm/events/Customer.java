package io.sidecar.prm.events;

/**
 * The end customer a partner registers a deal for.
 *
 * @param name   the customer's name as the partner wrote it
 * @param domain the customer's internet domain, normalised (lower case, no {@code www.})
 */
public record Customer(String name, String domain) {}
