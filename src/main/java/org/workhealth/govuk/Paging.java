package org.workhealth.govuk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Pages of a long list: the page asked for in the query string, and the parameters of the GOV.UK pagination
 * component ({@code govuk:pagination}) for a list split into pages.
 */
public final class Paging {

    private Paging() {
    }

    /** The page number asked for: 1 when absent, not a number or below 1, so a hand-edited link still works. */
    public static int pageNumber(String value) {
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    /**
     * The component's parameters: previous and next, the first and last page and the pages either side of this
     * one, with an ellipsis for each gap. Null when everything fits on one page, so the page shows no pagination.
     *
     * @param href the link to page n, keeping the list's filters
     * @param landmarkLabel what the pages are of, for screen readers, like "Pages of referrals"
     */
    public static Map<String, Object> pagination(int current, int pages, IntFunction<String> href,
            String landmarkLabel) {
        if (pages <= 1) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (current > 1) {
            params.put("previous", Map.of("href", href.apply(current - 1)));
        }
        if (current < pages) {
            params.put("next", Map.of("href", href.apply(current + 1)));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        boolean gap = false;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("number", n);
                item.put("href", href.apply(n));
                if (n == current) {
                    item.put("current", true);
                }
                items.add(item);
                gap = false;
            } else if (!gap) {
                items.add(Map.of("ellipsis", true));
                gap = true;
            }
        }
        params.put("items", items);
        params.put("landmarkLabel", landmarkLabel);
        return params;
    }
}
