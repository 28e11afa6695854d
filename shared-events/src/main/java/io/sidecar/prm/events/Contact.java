package io.sidecar.prm.events;

/**
 * A person to talk to at a partner. Name, email and phone are personal data: the event store holds them encrypted
 * with the partner's data key, and once the key is erased they read {@value #ERASED} (DOMAIN.md, "Personal data").
 *
 * @param name  full name
 * @param email email address
 * @param phone phone number, optional
 */
public record Contact(String name, String email, String phone) {

    /** What a personal-data field reads once its partner's contact data was erased. */
    public static final String ERASED = "[erased]";

    /** This contact with every field it has replaced by {@value #ERASED}; an absent phone stays absent. */
    public Contact erased() {
        return new Contact(erase(name), erase(email), erase(phone));
    }

    private static String erase(String value) {
        return value == null ? null : ERASED;
    }
}
