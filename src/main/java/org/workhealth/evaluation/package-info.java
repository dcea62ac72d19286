/**
 * Evaluation: data sharing agreements between an organisation that runs a programme or trial and an evaluator's
 * organisation (a university team), and the pseudonymised participant-level extracts, data dictionaries and
 * aggregate tables made under them, each logged with its row count and checksum so that it can be reproduced.
 * Reads other modules only through their extract-source APIs; its tables are {@code evaluation_*}.
 * docs/evaluation.md describes the rules.
 */
package org.workhealth.evaluation;
