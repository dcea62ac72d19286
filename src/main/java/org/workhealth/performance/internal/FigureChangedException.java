package org.workhealth.performance.internal;

/**
 * Someone else entered or corrected the figure between the person reading it and saving theirs:
 * they should look at the figure now standing before they change it.
 */
public class FigureChangedException extends RuntimeException {

    public FigureChangedException(String message) {
        super(message);
    }
}
