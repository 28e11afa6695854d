package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;

/**
 * What a partner won in one calendar quarter, by the quarter of each won deal's {@code closedOn}.
 *
 * @param wonRevenue the sum of the won amounts
 * @param dealsWon   how many deals
 */
public record QuarterWon(Money wonRevenue, int dealsWon) {}
