package org.agreementledger.ledger.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void anAmountIsKeptWithExactlyTwoFractionDigits() {
        assertThat(Money.of("670000000", "CNY").amount()).isEqualTo(new BigDecimal("670000000.00"));
        assertThat(Money.of("12.5", "CNY").amount()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void trailingZerosBeyondTwoFractionDigitsAreAccepted() {
        assertThat(Money.of("1.2300", "USD").amount()).isEqualTo(new BigDecimal("1.23"));
    }

    @Test
    void zeroIsAValidAmount() {
        assertThat(Money.of("0", "CNY").amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theCurrencyDefaultsToCny() {
        assertThat(new Money(new BigDecimal("10"), null).currency()).isEqualTo("CNY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "KZT", "UZS", "USD", "EUR"})
    void anIso4217CurrencyIsAccepted(String currency) {
        assertThat(Money.of("1.00", currency).currency()).isEqualTo(currency);
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThatThrownBy(() -> Money.of("-0.01", "CNY"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("value.amount");
    }

    @Test
    void anAmountWithMoreThanTwoFractionDigitsIsRefused() {
        assertThatThrownBy(() -> Money.of("100.005", "CNY"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("value.amount");
    }

    @Test
    void aMissingAmountIsRefused() {
        assertThatThrownBy(() -> new Money(null, "CNY"))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("value.amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "cny", "CN", "CNYY", "", "元"})
    void aCodeThatIsNotAnIso4217CurrencyIsRefused(String currency) {
        assertThatThrownBy(() -> Money.of("1.00", currency))
                .isExactlyInstanceOf(InvalidAgreementException.class)
                .extracting("field").isEqualTo("value.currency");
    }

    @Test
    void theAmountTravelsAsAJsonStringWithItsDigits() throws Exception {
        String json = new ObjectMapper().writeValueAsString(Money.of("670000000.00", "CNY"));

        assertThat(json).isEqualTo("{\"amount\":\"670000000.00\",\"currency\":\"CNY\"}");
        assertThat(new ObjectMapper().readValue(json, Money.class)).isEqualTo(Money.of("670000000.00", "CNY"));
    }
}
