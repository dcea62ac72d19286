package org.workhealth.employer.framework;

/** An enabler (leadership, policy, ...) or a health area (mental health, ...). */
public record FrameworkArea(String code, String name, String kind, int position) {

    public boolean enabler() {
        return "ENABLER".equals(kind);
    }
}
