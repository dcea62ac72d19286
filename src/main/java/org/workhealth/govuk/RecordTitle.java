package org.workhealth.govuk;

import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Names the record a page belongs to in its title ("Action plan – Case ABCD-2345 – WorkHealth"), so that tabs
 * and history say which case or referral each page is. It reads the record from the model under {@code key}
 * and sets {@code titleRecord}, which the layout reads, unless the controller has set it already.
 */
public final class RecordTitle<T> implements HandlerInterceptor {

    private final String key;
    private final Class<T> type;
    private final Function<T, String> name;

    public RecordTitle(String key, Class<T> type, Function<T, String> name) {
        this.key = key;
        this.type = type;
        this.name = name;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView modelAndView) {
        if (modelAndView != null && type.isInstance(modelAndView.getModel().get(key))
                && !modelAndView.getModel().containsKey("titleRecord")) {
            modelAndView.addObject("titleRecord", name.apply(type.cast(modelAndView.getModel().get(key))));
        }
    }
}
