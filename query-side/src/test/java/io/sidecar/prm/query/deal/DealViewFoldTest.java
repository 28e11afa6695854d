package io.sidecar.prm.query.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DealViewFoldTest {

    private static final DealRecorded RECORDED = new DealRecorded(
            "d-1",
            "p-1",
            new Customer("Globex", "globex.example"),
            "Sidecar",
            new Money(new BigDecimal("99.90"), "USD"),
            LocalDate.parse("2026-06-30"),
            "f-1",
            Instant.parse("2026-02-01T09:30:00Z"));

    @Test
    void aRecordedDealWaitsForApprovalAtVersionOne() {
        DealView view = DealViewFold.apply(null, RECORDED, 0);

        assertThat(view.id()).isEqualTo("d-1");
        assertThat(view.partnerId()).isEqualTo("p-1");
        assertThat(view.customer()).isEqualTo(RECORDED.customer());
        assertThat(view.amount()).isEqualTo(RECORDED.amount());
        assertThat(view.expectedCloseDate()).isEqualTo(RECORDED.expectedCloseDate());
        assertThat(view.fundRequestId()).isEqualTo("f-1");
        assertThat(view.status()).isEqualTo(DealStatus.PENDING_APPROVAL);
        assertThat(view.recordedAt()).isEqualTo(RECORDED.recordedAt());
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void anUnknownEventLeavesTheViewAsItWas() {
        DealView view = DealViewFold.apply(null, RECORDED, 0);

        assertThat(DealViewFold.apply(view, new Object(), 1)).isSameAs(view);
    }
}
