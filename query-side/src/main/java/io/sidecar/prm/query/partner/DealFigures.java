package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A partner's deal figures (DOMAIN.md, "Figures the dashboards show") and the fold of its deals' events into
 * them: pure, all sums in {@link BigDecimal}. The pipeline is recomputed from the open deals at every change
 * rather than adjusted, so it can never drift from the deals it sums.
 *
 * @param open            the open deals by id: pending ones count as open deals, approved ones also in the pipeline
 * @param pipeline        the sum of the approved open deals' amounts
 * @param pipelineByStage the same per stage, {@link PartnerView#UNSTAGED} first, every key always present
 * @param wonRevenue      the sum of the won amounts
 * @param wonByQuarter    won revenue and deals per quarter ({@code YYYY-Qn}) of {@code closedOn}
 * @param dealsWon        won deals
 * @param dealsLost       lost deals
 * @param winRate         won ÷ (won + lost), four decimals; {@code null} ("n/a") before any deal closed either way
 */
record DealFigures(
        Map<String, OpenDeal> open,
        Money pipeline,
        Map<String, Money> pipelineByStage,
        Money wonRevenue,
        Map<String, QuarterWon> wonByQuarter,
        int dealsWon,
        int dealsLost,
        BigDecimal winRate) {

    /** The figures of a partner without deals. */
    static DealFigures none(String currency) {
        return derive(Map.of(), Money.zero(currency), Map.of(), 0, 0);
    }

    static DealFigures of(PartnerView view) {
        return new DealFigures(
                view.openDealsById(),
                view.pipeline(),
                view.pipelineByStage(),
                view.wonRevenue(),
                view.wonRevenueByQuarter(),
                view.dealsWon(),
                view.dealsLost(),
                view.winRate());
    }

    /** The figures after one deal event; the same figures for an event that changes none of them. */
    DealFigures apply(Object event) {
        if (event instanceof DealRecorded recorded) {
            return withOpen(put(recorded.dealId(), new OpenDeal(recorded.amount(), DealStatus.PENDING_APPROVAL, null)));
        }
        if (event instanceof DealApproved approved) {
            return withOpen(
                    change(approved.dealId(), deal -> new OpenDeal(deal.amount(), DealStatus.APPROVED, deal.stage())));
        }
        if (event instanceof DealStageAdvanced advanced) {
            return withOpen(
                    change(advanced.dealId(), deal -> new OpenDeal(deal.amount(), deal.status(), advanced.to())));
        }
        if (event instanceof DealWon won) {
            Map<String, QuarterWon> byQuarter = new HashMap<>(wonByQuarter);
            byQuarter.merge(
                    Quarter.of(won.closedOn()).toString(),
                    new QuarterWon(won.amount(), 1),
                    (before, added) -> new QuarterWon(
                            before.wonRevenue().plus(added.wonRevenue()), before.dealsWon() + added.dealsWon()));
            return derive(remove(won.dealId()), wonRevenue.plus(won.amount()), byQuarter, dealsWon + 1, dealsLost);
        }
        if (event instanceof DealLost lost) {
            return derive(remove(lost.dealId()), wonRevenue, wonByQuarter, dealsWon, dealsLost + 1);
        }
        if (event instanceof DealRejected
                || event instanceof DealRegistrationExpired
                || event instanceof DealWithdrawn) {
            return withOpen(remove(((DealEvent) event).dealId()));
        }
        return this;
    }

    private DealFigures withOpen(Map<String, OpenDeal> changed) {
        return derive(changed, wonRevenue, wonByQuarter, dealsWon, dealsLost);
    }

    private Map<String, OpenDeal> put(String dealId, OpenDeal deal) {
        Map<String, OpenDeal> changed = new HashMap<>(open);
        changed.put(dealId, deal);
        return changed;
    }

    /** A deal not open here is left out rather than invented without its amount. */
    private Map<String, OpenDeal> change(String dealId, UnaryOperator<OpenDeal> change) {
        Map<String, OpenDeal> changed = new HashMap<>(open);
        changed.computeIfPresent(dealId, (id, deal) -> change.apply(deal));
        return changed;
    }

    private Map<String, OpenDeal> remove(String dealId) {
        Map<String, OpenDeal> changed = new HashMap<>(open);
        changed.remove(dealId);
        return changed;
    }

    private static DealFigures derive(
            Map<String, OpenDeal> open, Money won, Map<String, QuarterWon> byQuarter, int dealsWon, int dealsLost) {
        Money zero = Money.zero(won.currency());
        Map<String, Money> byStage = new LinkedHashMap<>();
        byStage.put(PartnerView.UNSTAGED, zero);
        for (DealStage stage : DealStage.values()) {
            byStage.put(stage.name(), zero);
        }
        Money pipeline = zero;
        for (OpenDeal deal : open.values()) {
            if (deal.status() == DealStatus.APPROVED) {
                pipeline = pipeline.plus(deal.amount());
                String stage = deal.stage() == null
                        ? PartnerView.UNSTAGED
                        : deal.stage().name();
                byStage.merge(stage, deal.amount(), Money::plus);
            }
        }
        BigDecimal winRate = dealsWon + dealsLost == 0
                ? null
                : BigDecimal.valueOf(dealsWon)
                        .divide(BigDecimal.valueOf(dealsWon + dealsLost), 4, RoundingMode.HALF_EVEN);
        return new DealFigures(open, pipeline, byStage, won, byQuarter, dealsWon, dealsLost, winRate);
    }
}
