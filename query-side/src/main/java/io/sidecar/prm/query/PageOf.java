package io.sidecar.prm.query;

import java.util.List;

/**
 * One page of a list, as every list endpoint answers it.
 *
 * @param items the items on this page
 * @param page  0-based page number
 * @param size  the requested page size
 * @param total how many items match in all
 * @param <T>   the item type
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {}
