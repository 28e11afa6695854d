package io.sidecar.prm.query.partner;

/**
 * Find one partner's view.
 *
 * @param partnerId the partner's id
 */
public record FindPartnerQuery(String partnerId) {}
