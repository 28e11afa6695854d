package io.sidecar.prm.events;

/**
 * A person to talk to at a partner. Name, email and phone are personal data.
 *
 * @param name  full name
 * @param email email address
 * @param phone phone number, optional
 */
public record Contact(String name, String email, String phone) {}
