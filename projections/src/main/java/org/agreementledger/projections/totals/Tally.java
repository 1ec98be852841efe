package org.agreementledger.projections.totals;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;

/** A number of agreements and their summed amount, in one currency; the amount travels as a JSON string. */
public record Tally(long count, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {

    public static final Tally ZERO = new Tally(0, BigDecimal.ZERO.setScale(2));

    public Tally plus(Tally other) {
        return new Tally(count + other.count, amount.add(other.amount));
    }

    public boolean isZero() {
        return count == 0 && amount.signum() == 0;
    }

    /** Equal counts and equal amounts, whatever the scale the amounts were read with. */
    public boolean sameAs(Tally other) {
        return count == other.count && amount.compareTo(other.amount) == 0;
    }
}
