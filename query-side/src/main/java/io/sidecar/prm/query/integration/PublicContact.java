package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.Contact;

/**
 * A partner's contact in an integration event. Name, email and phone are personal data: every event that carries a
 * contact maps it here and nowhere else.
 *
 * @param name  full name
 * @param email email address
 * @param phone phone number, or {@code null}
 */
record PublicContact(String name, String email, String phone) {

    /** The public form of a contact, {@code null} for none. */
    static PublicContact of(Contact contact) {
        // the one way out for contact data; an erased contact reads "[erased]" already (its key is gone)
        return contact == null ? null : new PublicContact(contact.name(), contact.email(), contact.phone());
    }
}
