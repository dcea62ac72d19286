package org.workhealth.evaluation;

/** What writing an extract produced: its data rows and the SHA-256 of the bytes written, in hex. */
record ExtractResult(long rows, String sha256) {
}
