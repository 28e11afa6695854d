package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.deal.WonDeals;
import io.sidecar.prm.command.support.PolicyCommands;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealWon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Policy: when a won deal takes a partner's trailing-12-month won revenue across a tier's threshold (below it
 * without the deal, at or above with it), the partner is asked to take that tier (DOMAIN.md, "Automatic tier
 * policy"). The partner promotes only upwards and only when
 * active, so a replayed DealWon (counted once by {@link WonDeals}) never promotes twice.
 */
@Component
@ProcessingGroup(TierPromotionPolicy.NAME)
class TierPromotionPolicy {

    static final String NAME = "tier-promotion";

    private final WonDeals wonDeals;
    private final TierPolicyRules rules;
    private final DealRules money;
    private final CommandGateway commands;

    TierPromotionPolicy(WonDeals wonDeals, TierPolicyRules rules, DealRules money, CommandGateway commands) {
        this.wonDeals = wonDeals;
        this.rules = rules;
        this.money = money;
        this.commands = commands;
    }

    @EventHandler
    void on(DealWon event, EventMessage<?> message) {
        wonDeals.add(event);
        BigDecimal trailing = wonDeals.trailingYear(event.partnerId(), event.closedOn());
        BigDecimal before = wonDeals.trailingYearWithout(event.partnerId(), event.closedOn(), event.dealId());
        // only a win that takes the revenue across a threshold promotes: after a manager's demotion, the next
        // small win must not undo the manager's decision
        rules.highestReachedBy(trailing)
                .filter(step -> before.compareTo(step.threshold()) < 0)
                .ifPresent(step -> commands.sendAndWait(PolicyCommands.causedBy(
                        message,
                        new PromotePartnerCommand(
                                event.partnerId(),
                                step.tier(),
                                rules.version(),
                                amount(step.threshold()),
                                amount(trailing),
                                event.dealId(),
                                event.wonAt()))));
    }

    private Money amount(BigDecimal value) {
        return new Money(value.setScale(2, RoundingMode.HALF_EVEN), money.reportingCurrency());
    }
}
