package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.query.readmodel.StreamVersions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link PartnerView} being changed by one event in {@link PartnerViewFold}: a copy with a few fields set. */
final class PartnerViewDraft {

    private final PartnerView view;
    private String name;
    private String region;
    private Contact contact;
    private String website;
    private PartnerStatus status;
    private String statusReason;
    private PartnerTier tier;
    private PartnerView.Onboarding onboarding;
    private List<PartnerView.Goal> goals;
    private List<PartnerView.CheckIn> recentCheckIns;
    private int checkIns;
    private LocalDate lastCheckInOn;
    private DealFigures figures;
    private Instant activatedAt;
    private long version;
    private StreamVersions dealVersions;

    private PartnerViewDraft(PartnerView view) {
        this.view = view;
        name = view.name();
        region = view.region();
        contact = view.contact();
        website = view.website();
        status = view.status();
        statusReason = view.statusReason();
        tier = view.tier();
        onboarding = view.onboarding();
        goals = view.goals();
        recentCheckIns = view.recentCheckIns();
        checkIns = view.checkIns();
        lastCheckInOn = view.lastCheckInOn();
        figures = DealFigures.of(view);
        activatedAt = view.activatedAt();
        version = view.version();
        dealVersions = view.dealVersions();
    }

    static PartnerViewDraft of(PartnerView view) {
        return new PartnerViewDraft(view);
    }

    PartnerViewDraft version(long value) {
        version = value;
        return this;
    }

    PartnerViewDraft status(PartnerStatus value, String reason) {
        status = value;
        statusReason = reason;
        return this;
    }

    PartnerViewDraft activatedAt(Instant value) {
        activatedAt = activatedAt == null ? value : activatedAt;
        return this;
    }

    PartnerViewDraft tier(PartnerTier value) {
        tier = value;
        return this;
    }

    PartnerViewDraft onboarding(PartnerView.Onboarding value) {
        onboarding = value;
        return this;
    }

    PartnerViewDraft goals(List<PartnerView.Goal> value) {
        goals = value;
        return this;
    }

    /** Adds a check-in, keeping the newest {@link PartnerView#RECENT_CHECK_INS}. */
    PartnerViewDraft checkIn(PartnerView.CheckIn checkIn, Comparator<PartnerView.CheckIn> newestFirst) {
        List<PartnerView.CheckIn> all = new ArrayList<>(recentCheckIns);
        all.add(checkIn);
        all.sort(newestFirst);
        recentCheckIns = all.subList(0, Math.min(all.size(), PartnerView.RECENT_CHECK_INS));
        checkIns++;
        lastCheckInOn = lastCheckInOn == null || checkIn.occurredOn().isAfter(lastCheckInOn)
                ? checkIn.occurredOn()
                : lastCheckInOn;
        return this;
    }

    /** The fields the update changed; the others stay. */
    PartnerViewDraft profile(PartnerProfileUpdated updated) {
        name = updated.name() == null ? name : updated.name();
        region = updated.region() == null ? region : updated.region();
        contact = updated.contact() == null ? contact : updated.contact();
        website = updated.website() == null ? website : updated.website();
        return this;
    }

    /** The contact's data erased: each field it had reads {@code [erased]}. */
    PartnerViewDraft contactErased() {
        contact = contact == null ? null : contact.erased();
        return this;
    }

    PartnerViewDraft figures(DealFigures value) {
        figures = value;
        return this;
    }

    /** Records how many events of a deal's stream the view has folded. */
    PartnerViewDraft dealVersion(String dealId, long value) {
        dealVersions = dealVersions.with(dealId, value);
        return this;
    }

    PartnerView build() {
        return new PartnerView(
                view.id(),
                name,
                view.type(),
                region,
                contact,
                website,
                view.language(),
                status,
                statusReason,
                tier,
                onboarding,
                goals,
                recentCheckIns,
                checkIns,
                lastCheckInOn,
                figures.pipeline(),
                figures.pipelineByStage(),
                figures.wonRevenue(),
                figures.wonByQuarter(),
                figures.winRate(),
                figures.dealsWon(),
                figures.dealsLost(),
                figures.open().size(),
                view.onboardedAt(),
                activatedAt,
                version,
                figures.open(),
                dealVersions);
    }
}
