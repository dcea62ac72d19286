package org.workhealth.employer.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The local authority a site is in: the West Midlands Combined Authority's seven constituent councils and its
 * non-constituent members, and "Other" for a site elsewhere.
 */
public enum LocalAuthority {
    BIRMINGHAM("Birmingham"),
    COVENTRY("Coventry"),
    DUDLEY("Dudley"),
    SANDWELL("Sandwell"),
    SOLIHULL("Solihull"),
    WALSALL("Walsall"),
    WOLVERHAMPTON("Wolverhampton"),
    CANNOCK_CHASE("Cannock Chase"),
    NORTH_WARWICKSHIRE("North Warwickshire"),
    NUNEATON_AND_BEDWORTH("Nuneaton and Bedworth"),
    REDDITCH("Redditch"),
    RUGBY("Rugby"),
    SHROPSHIRE("Shropshire"),
    STRATFORD_ON_AVON("Stratford-on-Avon"),
    TAMWORTH("Tamworth"),
    TELFORD_AND_WREKIN("Telford and Wrekin"),
    WARWICK("Warwick"),
    OTHER("Other (outside the West Midlands)");

    private final String label;

    LocalAuthority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<LocalAuthority> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.name().equals(code)).findFirst();
    }

    /** The label of a stored code; the code itself if it is not one (never expected). */
    public static String labelOf(String code) {
        return fromCode(code).map(LocalAuthority::label).orElse(code);
    }
}
