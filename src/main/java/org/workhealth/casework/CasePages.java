package org.workhealth.casework;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How case pages write times: "Monday 30 November 2026 at 2:30pm", as GOV.UK style asks. */
final class CasePages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private CasePages() {
    }

    /** An appointment's time, with the day of the week people plan by. */
    static String appointmentTime(LocalDateTime at) {
        return DAY.format(at) + " at " + time(at);
    }

    /** When something was recorded: "23 November 2026, 9:05am". */
    static String recorded(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, Appointments.LONDON);
        return DATE.format(local) + ", " + time(local);
    }

    static String dateAndTime(LocalDateTime at) {
        return DATE.format(at) + ", " + time(at);
    }

    private static String time(LocalDateTime at) {
        return TIME.format(at).toLowerCase(Locale.UK);
    }

    /** Where and how an appointment takes place: "Face to face at Bury Library". */
    static String how(Appointments.Appointment appointment) {
        String how = appointment.channel().label();
        if (appointment.place() != null && !appointment.place().isBlank()) {
            how += (appointment.channel() == AppointmentChannel.FACE_TO_FACE ? " at " : ": ") + appointment.place();
        }
        return appointment.oneToOne() ? how : how + " (group session)";
    }
}
