package io.sidecar.prm.query.checkin;

/**
 * Find a page of one partner's check-ins.
 *
 * @param partnerId  the partner
 * @param page       0-based page number
 * @param size       page size
 * @param sortField  the field to sort by
 * @param descending whether to sort descending
 */
public record FindCheckInsQuery(String partnerId, int page, int size, String sortField, boolean descending) {}
