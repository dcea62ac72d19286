package org.workhealth.casework;

/** How an appointment takes place. */
enum AppointmentChannel {
    FACE_TO_FACE("Face to face"),
    PHONE("Phone"),
    VIDEO("Video call");

    private final String label;

    AppointmentChannel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
