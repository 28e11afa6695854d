package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;

/**
 * Find a page of partners. Every filter is optional.
 *
 * @param status     only partners in this status
 * @param tier       only partners at this tier
 * @param type       only partners of this type
 * @param region     only partners in this region
 * @param nameQuery  only partners whose name contains this text, case-insensitive
 * @param page       0-based page number
 * @param size       page size
 * @param sortField  the field to sort by
 * @param descending whether to sort descending
 */
public record FindPartnersQuery(
        PartnerStatus status,
        PartnerTier tier,
        PartnerType type,
        String region,
        String nameQuery,
        int page,
        int size,
        String sortField,
        boolean descending) {}
