package org.workhealth.funding.internal;

/**
 * How a funding agreement pays: part of each year's pot is guaranteed, the rest earned from evidence.
 * Thrive into Work's delivery partners are paid 90% as equal quarterly blocks and 10% by results; WorkWell
 * localities claim 60% as eligible expenditure (basic) and earn 40% per participant engaged with an agreed
 * action plan (performance).
 */
public enum PaymentModel {
    BLOCK_AND_RESULTS("Block plus payment by results", "Block payments", "Payment by results", 90),
    BASIC_AND_PERFORMANCE("Basic plus performance", "Basic payment", "Performance payment", 60);

    private final String label;
    private final String guaranteedLabel;
    private final String earnedLabel;
    private final int usualGuaranteedPercent;

    PaymentModel(String label, String guaranteedLabel, String earnedLabel, int usualGuaranteedPercent) {
        this.label = label;
        this.guaranteedLabel = guaranteedLabel;
        this.earnedLabel = earnedLabel;
        this.usualGuaranteedPercent = usualGuaranteedPercent;
    }

    public String label() {
        return label;
    }

    /** "Block payments" or "Basic payment". */
    public String guaranteedLabel() {
        return guaranteedLabel;
    }

    /** "Payment by results" or "Performance payment". */
    public String earnedLabel() {
        return earnedLabel;
    }

    public int usualGuaranteedPercent() {
        return usualGuaranteedPercent;
    }
}
