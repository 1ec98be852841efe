package org.agreementledger.ledger.domain;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An amount with its ISO 4217 currency. The amount travels as a JSON string so that no
 * client ever reads it through a binary floating point number.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** The JDK copies its whole currency set on every call: read it once. */
    private static final Set<String> ISO_CURRENCY_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    public static final String DEFAULT_CURRENCY = "CNY";

    public Money {
        if (amount == null) {
            throw new InvalidAgreementException("value.amount", "an amount is required");
        }
        if (amount.signum() < 0) {
            throw new InvalidAgreementException("value.amount", "the amount must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidAgreementException("value.amount", "the amount has at most two fraction digits");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        currency = currency == null ? DEFAULT_CURRENCY : currency;
        if (!isIsoCurrency(currency)) {
            throw new InvalidAgreementException("value.currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    private static boolean isIsoCurrency(String code) {
        return ISO_CURRENCY_CODES.contains(code);
    }
}
