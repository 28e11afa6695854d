package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.DealCommands;
import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.PartnerScript;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.ActivatePartnerCommand;
import io.sidecar.prm.command.partner.ChangePartnerTierCommand;
import io.sidecar.prm.command.partner.CompleteOnboardingStepCommand;
import io.sidecar.prm.command.partner.OffboardPartnerCommand;
import io.sidecar.prm.command.partner.OnboardPartnerCommand;
import io.sidecar.prm.command.partner.RecordCheckInCommand;
import io.sidecar.prm.command.partner.ReinstatePartnerCommand;
import io.sidecar.prm.command.partner.SetPartnerGoalCommand;
import io.sidecar.prm.command.partner.SuspendPartnerCommand;
import io.sidecar.prm.command.partner.UpdatePartnerProfileCommand;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays a demo plan on paper, in the order the runner sends it, with the rules of DOMAIN.md that span commands:
 * partner status, deal status, the open limit, one open registration per customer and product. Collects what
 * would be refused, and the state the story ends in.
 */
final class PlanReplay {

    final List<String> refusals = new ArrayList<>();
    final Map<String, PartnerStatus> partners = new HashMap<>();
    final Map<String, DealStatus> deals = new HashMap<>();
    final Map<String, String> dealPartner = new HashMap<>();
    final Map<String, String> dealKey = new HashMap<>();
    final Map<String, Integer> mostOpen = new HashMap<>();
    final Map<String, Set<String>> partnersByKey = new HashMap<>();
    private final Map<String, List<String>> dealsByPartner = new HashMap<>();
    private final Set<String> openKeys = new HashSet<>();

    static PlanReplay of(DemoPlan plan, int openLimit) {
        PlanReplay replay = new PlanReplay();
        for (PartnerScript script : plan.partners()) {
            script.steps().forEach(step -> replay.play(step, openLimit));
        }
        return replay;
    }

    private void play(Step step, int openLimit) {
        Object command = step.command();
        if (command instanceof OnboardPartnerCommand onboard) {
            partners.put(onboard.partnerId(), PartnerStatus.ONBOARDING);
        } else if (command instanceof RecordDealCommand record) {
            require(partners.get(record.partnerId()) == PartnerStatus.ACTIVE, step, "partner not active");
            String key = DealDraft.key(record.customer().domain(), record.product());
            long open = openDeals(record.partnerId());
            require(open < openLimit, step, "open limit");
            require(openKeys.add(key), step, "customer and product held open");
            deals.put(record.dealId(), DealStatus.PENDING_APPROVAL);
            dealPartner.put(record.dealId(), record.partnerId());
            dealKey.put(record.dealId(), key);
            dealsByPartner
                    .computeIfAbsent(record.partnerId(), p -> new ArrayList<>())
                    .add(record.dealId());
            partnersByKey.computeIfAbsent(key, k -> new HashSet<>()).add(record.partnerId());
            mostOpen.merge(record.partnerId(), (int) open + 1, Math::max);
        } else if (step.dealId() != null) {
            playDeal(step);
        } else {
            playPartner(step);
        }
    }

    private void playDeal(Step step) {
        Object command = step.command();
        DealStatus status = deals.get(step.dealId());
        if (command instanceof DealCommands.ApproveDealCommand) {
            require(status == DealStatus.PENDING_APPROVAL, step, "not pending");
            deals.put(step.dealId(), DealStatus.APPROVED);
        } else if (command instanceof DealCommands.RejectDealCommand) {
            require(status == DealStatus.PENDING_APPROVAL, step, "not pending");
            close(step.dealId(), DealStatus.REJECTED);
        } else {
            require(status == DealStatus.APPROVED, step, "not approved");
            if (command instanceof DealCommands.WinDealCommand) {
                close(step.dealId(), DealStatus.WON);
            } else if (command instanceof DealCommands.LoseDealCommand) {
                close(step.dealId(), DealStatus.LOST);
            }
        }
    }

    private void playPartner(Step step) {
        Object command = step.command();
        String partnerId = partnerOf(command);
        PartnerStatus status = partners.get(partnerId);
        require(status != null && status != PartnerStatus.OFFBOARDED, step, "no such partner, or offboarded");
        if (command instanceof ActivatePartnerCommand) {
            require(status == PartnerStatus.ONBOARDING, step, "not onboarding");
            partners.put(partnerId, PartnerStatus.ACTIVE);
        } else if (command instanceof SuspendPartnerCommand || command instanceof ChangePartnerTierCommand) {
            require(status == PartnerStatus.ACTIVE, step, "not active");
            partners.put(partnerId, command instanceof SuspendPartnerCommand ? PartnerStatus.SUSPENDED : status);
        } else if (command instanceof ReinstatePartnerCommand) {
            require(status == PartnerStatus.SUSPENDED, step, "not suspended");
            partners.put(partnerId, PartnerStatus.ACTIVE);
        } else if (command instanceof OffboardPartnerCommand) {
            partners.put(partnerId, PartnerStatus.OFFBOARDED);
            // the policy withdraws what is open
            for (String deal : dealsByPartner.getOrDefault(partnerId, List.of())) {
                if (deals.get(deal).isOpen()) {
                    close(deal, DealStatus.WITHDRAWN);
                }
            }
        }
    }

    private void close(String dealId, DealStatus status) {
        deals.put(dealId, status);
        openKeys.remove(dealKey.get(dealId));
    }

    long openDeals(String partnerId) {
        return dealsByPartner.getOrDefault(partnerId, List.of()).stream()
                .filter(deal -> deals.get(deal).isOpen())
                .count();
    }

    private void require(boolean rule, Step step, String refusal) {
        if (!rule) {
            refusals.add(refusal + ": " + step.command());
        }
    }

    static String partnerOf(Object command) {
        if (command instanceof ActivatePartnerCommand c) {
            return c.partnerId();
        } else if (command instanceof CompleteOnboardingStepCommand c) {
            return c.partnerId();
        } else if (command instanceof ChangePartnerTierCommand c) {
            return c.partnerId();
        } else if (command instanceof SetPartnerGoalCommand c) {
            return c.partnerId();
        } else if (command instanceof RecordCheckInCommand c) {
            return c.partnerId();
        } else if (command instanceof UpdatePartnerProfileCommand c) {
            return c.partnerId();
        } else if (command instanceof SuspendPartnerCommand c) {
            return c.partnerId();
        } else if (command instanceof ReinstatePartnerCommand c) {
            return c.partnerId();
        } else if (command instanceof OffboardPartnerCommand c) {
            return c.partnerId();
        }
        throw new IllegalArgumentException("not a partner command: " + command);
    }

    /** The time a command carries. */
    static Instant timeOf(Object command) {
        if (command instanceof RecordDealCommand c) {
            return c.recordedAt();
        } else if (command instanceof DealCommands.ApproveDealCommand c) {
            return c.approvedAt();
        } else if (command instanceof DealCommands.RejectDealCommand c) {
            return c.rejectedAt();
        } else if (command instanceof DealCommands.AdvanceDealStageCommand c) {
            return c.advancedAt();
        } else if (command instanceof DealCommands.ExtendProtectionCommand c) {
            return c.extendedAt();
        } else if (command instanceof DealCommands.WinDealCommand c) {
            return c.wonAt();
        } else if (command instanceof DealCommands.LoseDealCommand c) {
            return c.lostAt();
        }
        throw new IllegalArgumentException("not a deal command: " + command);
    }
}
