package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;

/**
 * Find a page of deals. Every filter is optional.
 *
 * @param partnerId  only this partner's deals
 * @param status     only deals in this status
 * @param stage      only deals at this stage
 * @param page       0-based page number
 * @param size       page size
 * @param sortField  the field to sort by
 * @param descending whether to sort descending
 */
public record FindDealsQuery(
        String partnerId,
        DealStatus status,
        DealStage stage,
        int page,
        int size,
        String sortField,
        boolean descending) {}
