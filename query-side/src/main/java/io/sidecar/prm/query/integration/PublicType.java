package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.PartnerEvent;
import java.util.function.Function;

/**
 * One public integration event type: the domain event class it publishes, its CloudEvents {@code type} and the
 * mapping to its documented data shape.
 *
 * @param eventClass the domain event record
 * @param name       the CloudEvents {@code type}, such as {@code sidecar.partner.onboarded.v1}
 * @param data       the event's public data, a record of this package
 * @param <E>        the domain event
 */
record PublicType<E extends PartnerEvent>(Class<E> eventClass, String name, Function<? super E, ?> data) {

    /** The public data of a payload of {@link #eventClass}. */
    Object dataOf(Object payload) {
        return data.apply(eventClass.cast(payload));
    }
}
