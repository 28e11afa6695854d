package io.sidecar.prm.query.deal;

/**
 * Find one deal's view.
 *
 * @param dealId the deal's id
 */
public record FindDealQuery(String dealId) {}
