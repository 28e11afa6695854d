package io.sidecar.prm.command.partner;

import io.sidecar.prm.events.partner.PartnerContactErased;
import io.sidecar.prm.security.personal.DataKeyStore;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes an erased contact's data keys. The erasure command deletes them as soon as its event is stored; this
 * processor deletes them again when it sees the event, so that a process that died in between cannot leave a key
 * of a recorded erasure alive for good. Again means only the keys created up to the erasure: a contact given after
 * it has a new key, which a late or replayed erasure must not touch.
 */
@Component
@ProcessingGroup(ErasedContactKeys.NAME)
class ErasedContactKeys {

    static final String NAME = "contact-key-erasure";

    private static final Logger log = LoggerFactory.getLogger(ErasedContactKeys.class);

    private final DataKeyStore keys;

    ErasedContactKeys(DataKeyStore keys) {
        this.keys = keys;
    }

    /**
     * Up to the later of the erasure's own instant and when its event was applied: the request's instant is taken
     * before the partner is locked, so a contact given by a command that held the lock first has a key younger than
     * it, yet older than the event.
     */
    @EventHandler
    void on(PartnerContactErased event, @Timestamp Instant applied) {
        Instant upTo = applied.isAfter(event.erasedAt()) ? applied : event.erasedAt();
        keys.eraseCreatedUpTo(event.partnerId(), upTo);
    }

    /** Right after the erasure is stored; a failure is left to {@link #on} (the erasure is recorded already). */
    void eraseNow(String partnerId) {
        try {
            keys.erase(partnerId);
        } catch (RuntimeException failed) {
            log.warn(
                    "the data keys of partner {} could not be deleted right after its erasure ({});"
                            + " the {} processor deletes them",
                    partnerId,
                    failed.getClass().getSimpleName(),
                    NAME);
        }
    }
}
