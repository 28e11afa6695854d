package io.sidecar.prm.query.web;

import java.util.Set;

/**
 * The paging and sorting parameters every list takes: {@code page} (0-based), {@code size} (1–200, default 50),
 * {@code sort=field,asc|desc} over the fields the list allows.
 *
 * @param page       0-based page
 * @param size       page size
 * @param sortField  the field to sort by
 * @param descending whether descending
 */
public record ListRequest(int page, int size, String sortField, boolean descending) {

    public static final int MAX_SIZE = 200;

    /** Checks and parses the raw parameters; refuses anything out of range. */
    public static ListRequest of(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidQueryException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) p * s > Integer.MAX_VALUE) {
            throw new InvalidQueryException("page", "is beyond the end of any list (page × size > 2^31)");
        }
        String[] parts = (sort == null || sort.isBlank() ? defaultSort : sort).split(",", -1);
        String field = parts[0].strip();
        if (!sortable.contains(field)) {
            throw new InvalidQueryException(
                    "sort",
                    "can sort by "
                            + String.join(", ", sortable.stream().sorted().toList()));
        }
        boolean descending = false;
        if (parts.length > 1) {
            String direction = parts[1].strip().toLowerCase();
            if (!direction.equals("asc") && !direction.equals("desc") || parts.length > 2) {
                throw new InvalidQueryException("sort", "must be field,asc or field,desc");
            }
            descending = direction.equals("desc");
        }
        return new ListRequest(p, s, field, descending);
    }
}
