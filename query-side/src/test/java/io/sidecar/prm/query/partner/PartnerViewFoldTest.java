package io.sidecar.prm.query.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartnerViewFoldTest {

    private static final Instant ONBOARDED_AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final PartnerOnboarded ONBOARDED = new PartnerOnboarded(
            "p-1",
            "Acme",
            PartnerType.RESELLER,
            "DE",
            new Contact("Ada", "ada@acme.example", null),
            "https://acme.example",
            ONBOARDED_AT);

    private final PartnerViewFold fold = new PartnerViewFold("USD");

    @Test
    void onboardingCreatesTheViewAtVersionOneWithZeroFigures() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        assertThat(view.id()).isEqualTo("p-1");
        assertThat(view.name()).isEqualTo("Acme");
        assertThat(view.status()).isEqualTo(PartnerStatus.ONBOARDING);
        assertThat(view.tier()).isEqualTo(PartnerTier.REGISTERED);
        assertThat(view.pipeline()).isEqualTo(Money.zero("USD"));
        assertThat(view.wonRevenue()).isEqualTo(Money.zero("USD"));
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.onboardedAt()).isEqualTo(ONBOARDED_AT);
    }

    @Test
    void recordedDealsAddToThePipelineButNotToThePartnersVersion() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, deal("d-1", "1000.10"), 0);
        view = fold.apply(view, deal("d-2", "250.00"), 0);

        assertThat(view.pipeline()).isEqualTo(new Money(new BigDecimal("1250.10"), "USD"));
        assertThat(view.openDeals()).isEqualTo(2);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.appliedVersion("p-1")).isEqualTo(1);
        assertThat(view.appliedVersion("d-1")).isEqualTo(1);
        assertThat(view.appliedVersion("d-2")).isEqualTo(1);
        assertThat(view.appliedVersion("d-3")).isZero();
    }

    @Test
    void aDealOfAPartnerNotYetSeenLeavesNoView() {
        assertThat(fold.apply(null, deal("d-1", "10.00"), 0)).isNull();
    }

    @Test
    void anUnknownEventLeavesTheViewAsItWas() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        assertThat(fold.apply(view, "something else", 3)).isSameAs(view);
    }

    private static DealRecorded deal(String dealId, String amount) {
        return new DealRecorded(
                dealId,
                "p-1",
                new Customer("Globex", "globex.example"),
                "Sidecar",
                new Money(new BigDecimal(amount), "USD"),
                LocalDate.parse("2026-03-31"),
                null,
                ONBOARDED_AT);
    }
}
