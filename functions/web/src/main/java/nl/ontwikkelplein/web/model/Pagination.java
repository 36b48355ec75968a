package nl.ontwikkelplein.web.model;

import java.util.List;

/** Where a paged list goes on: previous, next and the page numbers. Null links are absent. */
public record Pagination(int page, int pages, String previous, String next, List<Link> numbers) {
    public boolean needed() { return pages > 1; }
}
