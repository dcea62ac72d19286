package org.workhealth.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The views a web request has recorded, held in the request until its handler has answered (see
 * {@link AuditViewsInterceptor}): only then is it known whether the page was shown.
 */
final class PendingViews {

    private static final String PENDING = PendingViews.class.getName() + ".pending";
    /** Set while a web handler runs: only then is there an answer to wait for. */
    private static final String HANDLING = PendingViews.class.getName() + ".handling";

    /** What a page showed: one record ({@code id}), or a list page's name and the records on it. */
    record View(String type, String id, Long organisationId, List<AuditedRecord> shown) {
    }

    private PendingViews() {
    }

    static void handling(HttpServletRequest request) {
        request.setAttribute(HANDLING, Boolean.TRUE);
    }

    /** Holds the view until the answer is known; false outside a web handler, where it is written at once. */
    static boolean hold(View view) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || request.getAttribute(HANDLING, RequestAttributes.SCOPE_REQUEST) == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<View> pending = (List<View>) request.getAttribute(PENDING, RequestAttributes.SCOPE_REQUEST);
        if (pending == null) {
            pending = new ArrayList<>();
            request.setAttribute(PENDING, pending, RequestAttributes.SCOPE_REQUEST);
        }
        pending.add(view);
        return true;
    }

    /** The request's views as the one view to write, if it recorded any; they are no longer pending. */
    static List<View> take(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        List<View> pending = (List<View>) request.getAttribute(PENDING);
        discard(request);
        return pending == null || pending.isEmpty() ? List.of() : List.of(merge(pending));
    }

    static void discard(HttpServletRequest request) {
        request.removeAttribute(PENDING);
        request.removeAttribute(HANDLING);
    }

    /** A page that recorded more than one view is still one page: one entry naming everything it showed. */
    private static View merge(List<View> views) {
        View first = views.get(0);
        if (views.size() == 1) {
            return first;
        }
        Set<AuditedRecord> shown = new LinkedHashSet<>();
        for (View view : views) {
            if (view.id() != null) {
                shown.add(new AuditedRecord(view.type(), view.id()));
            }
            shown.addAll(view.shown());
        }
        return new View(first.type(), null, first.organisationId(), List.copyOf(shown));
    }
}
