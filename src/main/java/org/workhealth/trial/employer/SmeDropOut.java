package org.workhealth.trial.employer;

import java.time.LocalDate;

/** An SME that stopped taking part: it stays allocated (and in the analysis), and is paid no more instalments. */
public record SmeDropOut(LocalDate droppedOn, DropOutReason reason, String detail) {
}
