package org.agreementledger.projections.totals;

/** An agreement enters ({@code +1}) or leaves ({@code -1}) a stage in a year. */
public record StageChange(Stage stage, int year, int direction) {

    public static StageChange enters(Stage stage, int year) {
        return new StageChange(stage, year, 1);
    }

    public static StageChange leaves(Stage stage, int year) {
        return new StageChange(stage, year, -1);
    }
}
