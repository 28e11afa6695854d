package io.sidecar.prm.query.asof;

import io.sidecar.prm.query.partner.PartnerDetails;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A partner as {@code GET /api/partners/{id}} showed it at an instant (DOMAIN.md, "History, for auditors"):
 * rebuilt from the event store with the live projection's own fold, its health computed for that instant's day.
 */
@Component
class AsOfState {

    private final AuditLogCatchUp catchUp;
    private final PartnerStreams streams;
    private final PartnerViewFold fold;
    private final StoredForm storedForm;

    AsOfState(AuditLogCatchUp catchUp, PartnerStreams streams, PartnerViewFold fold, StoredForm storedForm) {
        this.catchUp = catchUp;
        this.streams = streams;
        this.fold = fold;
        this.storedForm = storedForm;
    }

    /** The partner as of {@code asOf}, or empty when the store holds no partner with this id. */
    Optional<Answer> of(String partnerId, Instant asOf) {
        boolean complete = catchUp.await();
        return streams.history(partnerId).map(whole -> whole.upTo(asOf)).map(history -> {
            PartnerView view = history.fold(fold);
            PartnerDetails details = view == null
                    ? null
                    : PartnerDetails.of(storedForm.of(view), LocalDate.ofInstant(asOf, ZoneOffset.UTC));
            return new Answer(history.onboardedAt(), details, complete);
        });
    }

    /**
     * What the event store says of the partner at the instant.
     *
     * @param onboardedAt when the partner was onboarded
     * @param details     the partner as the API showed it then; {@code null} before its onboarding
     * @param complete    {@code false} when the audit log had not caught up within the wait, so a deal recorded
     *                    just before the question may be missing
     */
    record Answer(Instant onboardedAt, PartnerDetails details, boolean complete) {}
}
