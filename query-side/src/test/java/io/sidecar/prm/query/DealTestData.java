package io.sidecar.prm.query;

import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.deal.RejectionKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The deal events the read-side tests fold, all of partner {@value #PARTNER}. */
public final class DealTestData {

    public static final String PARTNER = "p-1";
    public static final Instant RECORDED_AT = Instant.parse("2026-02-01T09:30:00Z");
    public static final Instant APPROVED_AT = RECORDED_AT.plus(Duration.ofHours(2));
    public static final Instant PROTECTED_UNTIL = APPROVED_AT.plus(Duration.ofDays(90));
    public static final Instant LATER = RECORDED_AT.plus(Duration.ofDays(10));
    public static final Customer GLOBEX = new Customer("Globex", "globex.example");
    public static final LocalDate EXPECTED_CLOSE = LocalDate.parse("2026-06-30");

    private DealTestData() {}

    public static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    public static DealRecorded recorded(String dealId, String amount) {
        return recorded(dealId, PARTNER, amount, RECORDED_AT);
    }

    public static DealRecorded recorded(String dealId, String partnerId, String amount, Instant recordedAt) {
        return new DealRecorded(dealId, partnerId, GLOBEX, "Sidecar", usd(amount), EXPECTED_CLOSE, "f-1", recordedAt);
    }

    public static DealApproved approved(String dealId) {
        return new DealApproved(dealId, PARTNER, PROTECTED_UNTIL, APPROVED_AT);
    }

    public static DealRejected rejected(String dealId, String reason) {
        return new DealRejected(dealId, PARTNER, reason, RejectionKind.MANUAL, null, null, LATER);
    }

    /** The rejection that follows at once the recording of a deal another partner already holds. */
    public static DealRejected conflicting(String dealId, String heldByDealId, Instant heldSince) {
        return new DealRejected(
                dealId,
                PARTNER,
                "channel conflict: another partner holds this customer and product",
                RejectionKind.CHANNEL_CONFLICT,
                heldByDealId,
                heldSince,
                RECORDED_AT);
    }

    public static DealStageAdvanced staged(String dealId, DealStage from, DealStage to) {
        return new DealStageAdvanced(dealId, PARTNER, from, to, LATER);
    }

    public static DealProtectionExtended extended(String dealId, int days) {
        return new DealProtectionExtended(dealId, PARTNER, days, PROTECTED_UNTIL.plus(Duration.ofDays(days)), LATER);
    }

    public static DealWon won(String dealId, String amount, LocalDate closedOn) {
        return new DealWon(dealId, PARTNER, usd(amount), closedOn, LATER);
    }

    public static DealLost lost(String dealId, String reason) {
        return new DealLost(dealId, PARTNER, reason, LATER);
    }

    public static DealRegistrationExpired expired(String dealId) {
        return new DealRegistrationExpired(dealId, PARTNER, PROTECTED_UNTIL, PROTECTED_UNTIL.plusSeconds(1));
    }

    public static DealWithdrawn withdrawn(String dealId) {
        return new DealWithdrawn(dealId, PARTNER, "partner offboarded", LATER);
    }
}
