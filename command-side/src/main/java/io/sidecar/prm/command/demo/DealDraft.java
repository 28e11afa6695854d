package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.DealCommands;
import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.deal.DealStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One deal's story while it is planned: recorded, then rejected, or approved, moved through stages, perhaps given
 * more protection, and won or lost; or still open when the story ends. {@link DealPlanner} shapes it; it turns
 * itself into commands.
 */
final class DealDraft {

    /** How a deal's story ends. */
    enum Outcome {
        OPEN,
        REJECTED,
        WON,
        LOST
    }

    final String dealId;
    final String partnerId;
    final DemoNames.Customer customer;
    final String product;
    final BigDecimal amount;
    final Instant recordedAt;
    LocalDate expectedClose;
    Instant approvedAt;
    final List<Instant> stagesAt = new ArrayList<>();
    Instant extendedAt;
    int extensionDays;
    Outcome outcome = Outcome.OPEN;
    Instant closedAt;
    String reason;
    BigDecimal wonAmount;
    /** Left approved past its protection: the expiry sweep expires it, at a time nobody plans. */
    boolean expiring;

    DealDraft(
            String dealId,
            String partnerId,
            DemoNames.Customer customer,
            String product,
            BigDecimal amount,
            Instant recordedAt) {
        this.dealId = dealId;
        this.partnerId = partnerId;
        this.customer = customer;
        this.product = product;
        this.amount = amount;
        this.recordedAt = recordedAt;
    }

    /** The lookup key of its registration, as the deal side compares them. */
    static String key(String domain, String product) {
        return domain.toLowerCase(Locale.ROOT) + "|" + product.toLowerCase(Locale.ROOT);
    }

    String key() {
        return key(customer.domain(), product);
    }

    /** Whether it holds its place (and its customer and product) at {@code at}. */
    boolean openAt(Instant at) {
        return !recordedAt.isAfter(at) && (closedAt == null || closedAt.isAfter(at));
    }

    /** When its protection ends, with the extension if it got one; {@code null} if never approved. */
    Instant protectedUntil(Duration protection) {
        if (approvedAt == null) {
            return null;
        }
        Instant until = approvedAt.plus(protection);
        return extendedAt == null ? until : until.plus(Duration.ofDays(extensionDays));
    }

    /** Its latest planned command before a close. */
    Instant lastActivity() {
        Instant last = approvedAt == null ? recordedAt : approvedAt;
        for (Instant stage : stagesAt) {
            last = stage.isAfter(last) ? stage : last;
        }
        return extendedAt != null && extendedAt.isAfter(last) ? extendedAt : last;
    }

    /** Ends the story at {@code at}: what was planned from then on does not happen. */
    void close(Outcome how, Instant at, String why) {
        stagesAt.removeIf(stage -> !stage.isBefore(at));
        if (extendedAt != null && !extendedAt.isBefore(at)) {
            extendedAt = null;
        }
        if (how == Outcome.REJECTED) {
            approvedAt = null;
            stagesAt.clear();
            extendedAt = null;
        }
        outcome = how;
        closedAt = at;
        reason = why;
        wonAmount = how == Outcome.WON && wonAmount == null ? amount : wonAmount;
    }

    /** Its commands: each at its own time, except that a closing deal's approval, stages and close go together. */
    List<Step> steps(String currency) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                recordedAt,
                dealId,
                new RecordDealCommand(
                        dealId,
                        partnerId,
                        new RecordDealCommand.CustomerDetails(customer.name(), customer.domain()),
                        product,
                        new MoneyAmount(amount, currency),
                        expectedClose,
                        null,
                        recordedAt)));
        if (outcome == Outcome.REJECTED) {
            steps.add(new Step(closedAt, dealId, new DealCommands.RejectDealCommand(dealId, reason, closedAt)));
            return steps;
        }
        if (approvedAt == null) {
            return steps;
        }
        List<Step> story = new ArrayList<>();
        story.add(new Step(approvedAt, dealId, new DealCommands.ApproveDealCommand(dealId, approvedAt)));
        for (int i = 0; i < stagesAt.size(); i++) {
            Instant at = stagesAt.get(i);
            story.add(
                    new Step(at, dealId, new DealCommands.AdvanceDealStageCommand(dealId, DealStage.values()[i], at)));
        }
        if (extendedAt != null) {
            story.add(new Step(
                    extendedAt, dealId, new DealCommands.ExtendProtectionCommand(dealId, extensionDays, extendedAt)));
        }
        story.sort(Comparator.comparing(Step::at));
        if (outcome == Outcome.OPEN) {
            steps.addAll(story);
            return steps;
        }
        // approved and closed back to back, where the close is: a deal whose protection lies in the past is due
        // for the expiry sweep from its approval on, so the time between the two must be as short as can be
        story.add(new Step(closedAt, dealId, closing(currency)));
        story.forEach(step -> steps.add(new Step(closedAt, dealId, step.command())));
        return steps;
    }

    private Object closing(String currency) {
        if (outcome == Outcome.WON) {
            return new DealCommands.WinDealCommand(
                    dealId, new MoneyAmount(wonAmount, currency), Quarters.day(closedAt), closedAt);
        }
        return new DealCommands.LoseDealCommand(dealId, reason, closedAt);
    }
}
