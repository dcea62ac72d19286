package org.workhealth.employer;

/** The size of an employer by its number of employees, as the UK's usual business size bands. */
public enum SizeBand {
    MICRO("Micro (1 to 9 employees)", 1, 9),
    SMALL("Small (10 to 49 employees)", 10, 49),
    MEDIUM("Medium (50 to 249 employees)", 50, 249),
    LARGE("Large (250 or more employees)", 250, Integer.MAX_VALUE);

    private final String label;
    private final int from;
    private final int to;

    SizeBand(String label, int from, int to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    /** The band a number of employees falls in; at least one employee. */
    public static SizeBand of(int employees) {
        if (employees < 1) {
            throw new IllegalArgumentException("An employer has at least one employee");
        }
        for (SizeBand band : values()) {
            if (employees >= band.from && employees <= band.to) {
                return band;
            }
        }
        throw new IllegalStateException("No band for " + employees);
    }
}
