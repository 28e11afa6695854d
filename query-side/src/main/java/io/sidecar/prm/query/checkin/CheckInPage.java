package io.sidecar.prm.query.checkin;

import java.util.List;

/**
 * One page of check-ins and how many there are in all.
 *
 * @param items the page
 * @param total every check-in of the partner
 */
public record CheckInPage(List<CheckInView> items, long total) {}
