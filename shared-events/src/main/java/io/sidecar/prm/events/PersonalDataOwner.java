package io.sidecar.prm.events;

/**
 * Something stored that may carry a partner's personal data (a {@link Contact}): an event of the partner's history,
 * or the snapshot of the partner itself. The event serializer encrypts the contact data it holds with the data key of
 * the partner it names, and refuses to write contact data for no partner.
 */
public interface PersonalDataOwner {

    /** The partner whose data key encrypts the personal data this object carries. */
    String partnerId();
}
