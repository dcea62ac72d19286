package org.workhealth.returns;

/** A row of a hub's collated return: the locality it came from and the participant's pseudonymous row. */
record CollatedRow(String locality, ExtractRow row) {
}
