package io.sidecar.prm.query.partner;

import java.util.List;

/**
 * A page of partner summaries (a concrete type so that it crosses the query bus in both runtime modes).
 *
 * @param items the partners on this page
 * @param total how many partners match in all
 */
public record PartnerPage(List<PartnerSummary> items, long total) {}
