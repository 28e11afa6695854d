package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.deal.DealStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands on a recorded deal (DOMAIN.md, "Deal"); each carries its time from the application's clock. */
public final class DealCommands {

    private DealCommands() {}

    /** Approve a pending registration; it is protected for the configured period from now. */
    public record ApproveDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotNull Instant approvedAt) {}

    /** Reject a pending registration. */
    public record RejectDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotBlank @Size(max = 500) String reason,
            @NotNull Instant rejectedAt) {

        public RejectDealCommand {
            reason = strip(reason);
        }
    }

    /** Move an approved deal forward: QUALIFIED → PROPOSAL → NEGOTIATION. */
    public record AdvanceDealStageCommand(
            @TargetAggregateIdentifier String dealId,
            @NotNull DealStage stage,
            @NotNull Instant advancedAt) {}

    /** An approved deal was won, for this amount, on this day (not in the future). */
    public record WinDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotNull @Valid MoneyAmount amount,
            @NotNull LocalDate closedOn,
            @NotNull Instant wonAt) {}

    /** An approved deal was lost. */
    public record LoseDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotBlank @Size(max = 500) String reason,
            @NotNull Instant lostAt) {

        public LoseDealCommand {
            reason = strip(reason);
        }
    }

    /** Extend an approved deal's protection by 1–180 days. */
    public record ExtendProtectionCommand(
            @TargetAggregateIdentifier String dealId,
            @NotNull @Min(1) @Max(180) Integer days,
            @NotNull Instant extendedAt) {}

    /** The expiry sweep found the deal's protection over: expire it if it is still approved and due. */
    public record ExpireDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotNull Instant now) {}

    /** Withdraw an open deal (its partner was offboarded). */
    public record WithdrawDealCommand(
            @TargetAggregateIdentifier String dealId,
            @NotBlank String partnerId,
            @NotBlank String reason,
            @NotNull Instant withdrawnAt) {}
}
