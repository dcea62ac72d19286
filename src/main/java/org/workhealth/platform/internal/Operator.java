package org.workhealth.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation that runs this copy of the service, such as a council or an integrated care board:
 * named in the header, the footer, the privacy notice (as the data controller) and the accessibility
 * statement. The service is not on GOV.UK, so it never shows the crown or Crown copyright; the footer
 * carries a content licence only when the operator sets one.
 *
 * @param name      the operator's name (WORKHEALTH_OPERATOR_NAME)
 * @param contact   how to reach its data protection officer: an email or postal address (WORKHEALTH_OPERATOR_CONTACT)
 * @param licence   the footer's licence line, empty for none (WORKHEALTH_OPERATOR_LICENCE)
 * @param retention how long records are kept, as the operator's retention schedule says (WORKHEALTH_OPERATOR_RETENTION)
 */
@ConfigurationProperties("workhealth.operator")
public record Operator(String name, String contact, String licence, String retention) {

    static final String DEFAULT_NAME = "WorkHealth";
    static final String DEFAULT_RETENTION = "6 years after your support ends";

    public Operator {
        name = blank(name) ? DEFAULT_NAME : name.strip();
        contact = blank(contact) ? null : contact.strip();
        licence = blank(licence) ? null : licence.strip();
        retention = blank(retention) ? DEFAULT_RETENTION : retention.strip();
    }

    public static Operator defaults() {
        return new Operator(null, null, null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
