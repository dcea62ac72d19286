package org.workhealth.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.validation.BindingResult;
import org.workhealth.govuk.DateAnswer;
import org.workhealth.govuk.TextAnswer;
import org.workhealth.api.internal.ApiClients;

/** A new API client's answers as typed; {@code expiresOn} names the date input for its error. */
record ApiClientForm(String name, String organisation, List<String> scopes, String expiresOn, String expiresOnDay,
        String expiresOnMonth, String expiresOnYear) {

    static final String[] FIELDS = {"name", "organisation", "scopes", "expiresOnDay", "expiresOnMonth",
        "expiresOnYear"};
    /** The api_client.name column. */
    static final int NAME_LENGTH = 100;

    static ApiClientForm blank() {
        return new ApiClientForm(null, null, List.of(), null, null, null, null);
    }

    List<String> scopesOrEmpty() {
        return scopes == null ? List.of() : scopes;
    }

    /**
     * The client asked for, or null with each wrong answer rejected: an organisation of {@code offered}, codes of
     * scopes only, an expiry after today and no more than a year ahead.
     */
    ApiClients.NewClient check(Set<Long> offered, LocalDate today, BindingResult result) {
        String checkedName = TextAnswer.required(result, "name", name, "Enter a name for the client", "Name",
                NAME_LENGTH);
        Long organisationId = organisation != null && organisation.strip().matches("\\d{1,18}")
                ? Long.valueOf(organisation.strip()) : null;
        if (organisationId == null || !offered.contains(organisationId)) {
            result.rejectValue("organisation", "required", "Select the organisation the client acts for");
        }
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        List<String> unknown = new ArrayList<>();
        for (String code : scopesOrEmpty()) {
            ApiScope.ofCode(code).ifPresentOrElse(chosen::add, () -> unknown.add(code));
        }
        if (!unknown.isEmpty()) {
            result.rejectValue("scopes", "invalid", "Select what the client may do from the list");
        } else if (chosen.isEmpty()) {
            result.rejectValue("scopes", "required", "Select at least one thing the client may do");
        }
        DateAnswer expiry = DateAnswer.parse("Expiry date", expiresOnDay, expiresOnMonth, expiresOnYear);
        if (!expiry.valid()) {
            result.rejectValue("expiresOn", "invalid", expiry.error());
        } else if (!expiry.date().isAfter(today)) {
            result.rejectValue("expiresOn", "past", "Expiry date must be in the future");
        } else if (expiry.date().isAfter(today.plusYears(1))) {
            result.rejectValue("expiresOn", "far", "Expiry date must be no more than a year from today");
        }
        return result.hasErrors() ? null : new ApiClients.NewClient(checkedName, organisationId, chosen,
                expiry.date());
    }

    /** The answers as hidden inputs, for the check answers page's forms. */
    List<String[]> hidden() {
        List<String[]> h = new ArrayList<>(List.of(new String[] {"name", name},
                new String[] {"organisation", organisation}, new String[] {"expiresOnDay", expiresOnDay},
                new String[] {"expiresOnMonth", expiresOnMonth}, new String[] {"expiresOnYear", expiresOnYear}));
        scopesOrEmpty().forEach(s -> h.add(new String[] {"scopes", s}));
        return h;
    }
}
