package org.workhealth.evaluation;

import java.util.Map;
import java.util.function.Function;

/** One column of an extract and its line of the data dictionary, from the same definition. */
record Column(String name, String label, String meaning, ExtractField.Type type, Map<String, String> codes,
        String source, Function<Participant, String> value) {
}
