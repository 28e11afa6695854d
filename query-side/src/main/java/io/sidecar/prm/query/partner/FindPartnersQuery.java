package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import java.time.LocalDate;

/**
 * Find a page of partners. Every filter is optional.
 *
 * @param status     only partners in this status
 * @param tier       only partners at this tier
 * @param type       only partners of this type
 * @param region     only partners in this region
 * @param nameQuery  only partners whose name contains this text, case-insensitive
 * @param atRisk     only partners at risk ({@code true}) or not at risk ({@code false}) on {@code today}
 * @param today      the day health and at-risk are computed for
 * @param page       0-based page number
 * @param size       page size
 * @param sortField  the field to sort by
 * @param descending whether to sort descending
 * @param partnerId  only this partner (a partner user's list), or {@code null} for every partner
 */
public record FindPartnersQuery(
        PartnerStatus status,
        PartnerTier tier,
        PartnerType type,
        String region,
        String nameQuery,
        Boolean atRisk,
        LocalDate today,
        int page,
        int size,
        String sortField,
        boolean descending,
        String partnerId) {}
