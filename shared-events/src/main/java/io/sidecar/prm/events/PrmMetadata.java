package io.sidecar.prm.events;

/**
 * Names of the metadata every Sidecar PRM message carries, so that an auditor can tell who did what, in which
 * request, and because of what.
 */
public final class PrmMetadata {

    /** The acting user, or {@code anonymous}. */
    public static final String ACTOR = "actor";
    /** The partner a partner user acts for; absent for every other actor. */
    public static final String ACTOR_PARTNER_ID = "actorPartnerId";
    /** One id per request (or per chain of policies started by one request). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The actor recorded when nobody is authenticated. */
    public static final String ANONYMOUS = "anonymous";

    private PrmMetadata() {}
}
