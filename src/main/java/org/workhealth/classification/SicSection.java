package org.workhealth.classification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections of the UK Standard Industrial Classification of economic activities 2007 (SIC 2007), which job starts
 * and employers are split by. The labels are the Office for National Statistics' titles.
 */
public enum SicSection {
    A("Agriculture, forestry and fishing"),
    B("Mining and quarrying"),
    C("Manufacturing"),
    D("Electricity, gas, steam and air conditioning supply"),
    E("Water supply; sewerage, waste management and remediation activities"),
    F("Construction"),
    G("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    H("Transportation and storage"),
    I("Accommodation and food service activities"),
    J("Information and communication"),
    K("Financial and insurance activities"),
    L("Real estate activities"),
    M("Professional, scientific and technical activities"),
    N("Administrative and support service activities"),
    O("Public administration and defence; compulsory social security"),
    P("Education"),
    Q("Human health and social work activities"),
    R("Arts, entertainment and recreation"),
    S("Other service activities"),
    T("Activities of households as employers; undifferentiated goods- and services-producing activities of "
            + "households for own use"),
    U("Activities of extraterritorial organisations and bodies");

    private final String label;

    SicSection(String label) {
        this.label = label;
    }

    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    /** "Q: Human health and social work activities", as a select shows it. */
    public String text() {
        return name() + ": " + label;
    }

    /** The section with this one-letter code, if it is one. */
    public static Optional<SicSection> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }
}
