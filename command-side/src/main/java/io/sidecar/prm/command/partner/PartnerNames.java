package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.CommandRefusedException;
import java.text.Normalizer;
import java.util.Locale;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Partner names are unique among partners not offboarded, ignoring case and white space (DOMAIN.md). A command
 * that gives a partner a name claims it in the {@link Claims} lookup before its events are stored; the claim is
 * confirmed when the unit of work commits and released when it rolls back. Whether a holder really holds a name
 * is asked of its event stream, never of a read model.
 */
@Component
class PartnerNames {

    static final String SCOPE = "partner-name";

    private final Claims claims;
    private final Repository<Partner> partners;

    PartnerNames(Claims claims, Repository<Partner> partners) {
        this.claims = claims;
        this.partners = partners;
    }

    /** The lookup key of a name: Unicode-normalised, lower case, without any white space. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("(?U)\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** Claims {@code name} for the partner in the current unit of work, or refuses the command. */
    void claim(String partnerId, String name) {
        String key = key(name);
        claims.claim(SCOPE, key, partnerId, holder -> holds(holder, key)).ifPresent(holder -> {
            throw CommandRefusedException.rule(
                    "partner.name.taken",
                    "the name \"" + name + "\" is taken by partner " + holder.owner()
                            + ": names are unique among partners not offboarded, ignoring case and spaces");
        });
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.afterCommit(committed -> claims.confirm(SCOPE, key, partnerId));
        unitOfWork.onRollback(rolledBack -> claims.release(SCOPE, key, partnerId));
    }

    /** Frees {@code name} once the current unit of work has stored the events that gave it up. */
    void releaseAfterCommit(String partnerId, String name) {
        CurrentUnitOfWork.get().afterCommit(committed -> claims.release(SCOPE, key(name), partnerId));
    }

    private boolean holds(Claim holder, String key) {
        try {
            return partners.load(holder.owner()).invoke(partner -> partner.isNamed(key));
        } catch (AggregateNotFoundException neverStored) {
            return false;
        }
    }
}
