package org.workhealth.govuk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The parameters of the GOV.UK pagination component for page {@code current} of {@code pages}: previous and next
 * links, the first and last pages, the pages either side of the current one, and an ellipsis for each gap.
 */
public final class PaginationParams {

    private PaginationParams() {
    }

    /** {@code null} when everything fits on one page, so the page shows no pagination. */
    public static Map<String, Object> of(int current, int pages, IntFunction<String> href, String landmarkLabel) {
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
