package org.agreementledger.api.web.command;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.agreementledger.ledger.domain.Money;

import java.math.BigDecimal;

/** A value as sent: the amount as a JSON string or number, read exactly as a decimal. */
record ValueRequest(@NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
                           @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {

    Money toMoney() {
        return new Money(amount, currency);
    }
}
