package org.workhealth.govuk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.web.bind.ServletRequestDataBinder;

/** One question page of a journey whose answers build up in a draft kept in the session. */
public final class DraftBinding {

    private DraftBinding() {
    }

    /**
     * Binds only this page's answers onto the draft, as typed text. Each of the page's fields is cleared first, so
     * a box left unticked or empty on this page clears what it held before, and nothing else can be posted in.
     */
    public static void bindPage(Object draft, String[] inputs, HttpServletRequest request) {
        BeanWrapperImpl wrapper = new BeanWrapperImpl(draft);
        for (String input : inputs) {
            wrapper.setPropertyValue(input, null);
        }
        ServletRequestDataBinder binder = new ServletRequestDataBinder(draft, "draft");
        binder.setAllowedFields(inputs);
        binder.registerCustomEditor(String.class, TypedText.editor());
        binder.bind(request);
    }
}
