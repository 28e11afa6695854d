package io.sidecar.prm.query.deal;

import java.util.List;

/**
 * A page of deal views (a concrete type so that it crosses the query bus in both runtime modes).
 *
 * @param items the deals on this page
 * @param total how many deals match in all
 */
public record DealPage(List<DealView> items, long total) {}
