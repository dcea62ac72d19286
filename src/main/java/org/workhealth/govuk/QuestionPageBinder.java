package org.workhealth.govuk;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * Binds one page of a question-per-page journey into the draft kept across its pages: only that page's inputs, and
 * an input left empty or unticked on the page clears what it held before (a browser sends nothing for it).
 */
public final class QuestionPageBinder {

    private QuestionPageBinder() {
    }

    public static void bind(Object draft, String[] inputs, HttpServletRequest request) {
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
