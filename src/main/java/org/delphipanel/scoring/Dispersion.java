package org.delphipanel.scoring;

import org.delphipanel.stats.Outcome;

/** The dispersion measures a facilitator can colour the triage heatmap by. */
public enum Dispersion {
    /** Interquartile range, in grades: larger is more disagreement. */
    IQR("IQR", false),
    /** James, Demaree and Wolf's rwg against a uniform null: larger is more agreement. */
    RWG("rwg", true),
    /** Share of ratings within ±1 of the median: larger is more agreement. */
    WITHIN_ONE("share within ±1", true);

    private final String label;
    private final boolean higherIsAgreement;

    Dispersion(String label, boolean higherIsAgreement) {
        this.label = label;
        this.higherIsAgreement = higherIsAgreement;
    }

    public String label() {
        return label;
    }

    public boolean higherIsAgreement() {
        return higherIsAgreement;
    }

    public Outcome<Double> of(Triage.Cell cell) {
        return switch (this) {
            case IQR -> cell.iqr();
            case RWG -> cell.rwg();
            case WITHIN_ONE -> cell.shareWithinOne();
        };
    }
}
