package org.workhealth.api;

import java.util.Arrays;
import java.util.Optional;

/** What an API client may do. A client acts only within its organisation's scope, and only as far as these allow. */
public enum ApiScope {
    REFERRALS_WRITE("referrals.write", "Send referrals, from the organisation, as its staff would on the web form"),
    REFERRALS_READ("referrals.read", "Read the status of referrals the organisation sent"),
    FIGURES_READ("figures.read", "Read KPI figures for programmes and contracts in the organisation's scope"),
    RETURNS_READ("returns.read", "Read the national return's figures and rows (national organisations only)");

    private final String code;
    private final String description;

    ApiScope(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The scope as clients and the OpenAPI document name it. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority a client with this scope holds. */
    public String authority() {
        return "SCOPE_" + code;
    }

    public static Optional<ApiScope> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
