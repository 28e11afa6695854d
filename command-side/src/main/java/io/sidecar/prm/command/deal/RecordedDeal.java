package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;

/**
 * The answer to a registration: the deal's id and version, and whether it waits for approval or was rejected at
 * once for a channel conflict (then with the deal that holds the customer and product).
 *
 * @param result            the new deal's id and version
 * @param status            {@code PENDING_APPROVAL} or {@code REJECTED}
 * @param conflictingDealId for a rejection, the other partner's open registration; else {@code null}
 */
public record RecordedDeal(CommandResult result, DealStatus status, String conflictingDealId) {}
