package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;

/**
 * What a partner's figures need to know of one of its open deals: the partner's document keeps one per open deal
 * (internal bookkeeping, never shown) so that a deal leaving the pipeline takes exactly its own amount with it.
 *
 * @param amount the registered amount
 * @param status {@code PENDING_APPROVAL} or {@code APPROVED}
 * @param stage  the sales stage, or {@code null} before the first one
 */
public record OpenDeal(Money amount, DealStatus status, DealStage stage) {}
