package org.workhealth.research;

import java.time.LocalDate;

/** One version of a study's participant information sheet: consent is always given against a version. */
public record InformationSheet(long id, String studyCode, String version, LocalDate dated) {

    public static final int VERSION_MAX = 20;
}
