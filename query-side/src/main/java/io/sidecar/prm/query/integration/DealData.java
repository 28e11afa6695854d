package io.sidecar.prm.query.integration;

import io.sidecar.prm.events.Customer;
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
import java.time.Instant;
import java.time.LocalDate;

/**
 * The public data of the deal events ({@code sidecar.deal.*.v1}), as docs/integration-events.md documents them. A
 * field is renamed or removed only in a new version of its type.
 */
final class DealData {

    private DealData() {}

    record Recorded(
            String dealId,
            String partnerId,
            PublicCustomer customer,
            String product,
            PublicMoney amount,
            LocalDate expectedCloseDate,
            String fundRequestId,
            Instant recordedAt) {
        static Recorded of(DealRecorded e) {
            return new Recorded(
                    e.dealId(),
                    e.partnerId(),
                    PublicCustomer.of(e.customer()),
                    e.product(),
                    PublicMoney.of(e.amount()),
                    e.expectedCloseDate(),
                    e.fundRequestId(),
                    e.recordedAt());
        }
    }

    /** The end customer of a deal. */
    record PublicCustomer(String name, String domain) {
        static PublicCustomer of(Customer customer) {
            return customer == null ? null : new PublicCustomer(customer.name(), customer.domain());
        }
    }

    record Approved(String dealId, String partnerId, Instant protectedUntil, Instant approvedAt) {
        static Approved of(DealApproved e) {
            return new Approved(e.dealId(), e.partnerId(), e.protectedUntil(), e.approvedAt());
        }
    }

    record Rejected(
            String dealId,
            String partnerId,
            RejectionKind kind,
            String reason,
            String conflictingDealId,
            Instant conflictingRecordedAt,
            Instant rejectedAt) {
        static Rejected of(DealRejected e) {
            return new Rejected(
                    e.dealId(),
                    e.partnerId(),
                    e.kind(),
                    e.reason(),
                    e.conflictingDealId(),
                    e.conflictingRecordedAt(),
                    e.rejectedAt());
        }
    }

    record StageAdvanced(String dealId, String partnerId, DealStage from, DealStage to, Instant advancedAt) {
        static StageAdvanced of(DealStageAdvanced e) {
            return new StageAdvanced(e.dealId(), e.partnerId(), e.from(), e.to(), e.advancedAt());
        }
    }

    record ProtectionExtended(String dealId, String partnerId, int days, Instant protectedUntil, Instant extendedAt) {
        static ProtectionExtended of(DealProtectionExtended e) {
            return new ProtectionExtended(e.dealId(), e.partnerId(), e.days(), e.protectedUntil(), e.extendedAt());
        }
    }

    record Won(String dealId, String partnerId, PublicMoney amount, LocalDate closedOn, Instant wonAt) {
        static Won of(DealWon e) {
            return new Won(e.dealId(), e.partnerId(), PublicMoney.of(e.amount()), e.closedOn(), e.wonAt());
        }
    }

    record Lost(String dealId, String partnerId, String reason, Instant lostAt) {
        static Lost of(DealLost e) {
            return new Lost(e.dealId(), e.partnerId(), e.reason(), e.lostAt());
        }
    }

    record Expired(String dealId, String partnerId, Instant protectedUntil, Instant expiredAt) {
        static Expired of(DealRegistrationExpired e) {
            return new Expired(e.dealId(), e.partnerId(), e.protectedUntil(), e.expiredAt());
        }
    }

    record Withdrawn(String dealId, String partnerId, String reason, Instant withdrawnAt) {
        static Withdrawn of(DealWithdrawn e) {
            return new Withdrawn(e.dealId(), e.partnerId(), e.reason(), e.withdrawnAt());
        }
    }
}
