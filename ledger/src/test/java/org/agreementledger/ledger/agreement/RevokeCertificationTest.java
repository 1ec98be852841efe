package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.RevokeCertification;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.agreementledger.ledger.agreement.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.agreement.AgreementTestData.CERTIFICATE_NO;
import static org.agreementledger.ledger.agreement.AgreementTestData.TODAY;
import static org.agreementledger.ledger.agreement.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.agreement.AgreementTestData.certifiedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposed;
import static org.agreementledger.ledger.agreement.AgreementTestData.revoked;
import static org.agreementledger.ledger.agreement.AgreementTestData.revokedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.whileIn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawnHistory;

/** The {@link AgreementTestData#certifiedHistory() certified history} is certified on 28 August. */
class RevokeCertificationTest {

    private static final LocalDate CERTIFIED_ON = LocalDate.of(2024, 8, 28);
    private static final LocalDate AUG_30 = LocalDate.of(2024, 8, 30);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    private static RevokeCertification revoke(LocalDate revokedOn) {
        return new RevokeCertification(AGREEMENT_ID, revokedOn, null);
    }

    // accepted

    @Test
    void revokingACertificationIsRecordedWithTheRevokedCertificateNumber() {
        fixture.given(certifiedHistory())
                .when(new RevokeCertification(AGREEMENT_ID, AUG_30, " Certificate issued in error "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CertificationRevoked(AGREEMENT_ID, CERTIFICATE_NO, AUG_30,
                        "Certificate issued in error"));
    }

    @Test
    void revokingAnswersRevoked() {
        fixture.given(certifiedHistory())
                .when(revoke(AUG_30))
                .expectResultMessagePayload(AgreementStatus.REVOKED);
    }

    @Test
    void aCertificationMayBeRevokedOnTheDayItWasGiven() {
        fixture.given(certifiedHistory())
                .when(revoke(CERTIFIED_ON))
                .expectEvents(revoked(CERTIFIED_ON));
    }

    @Test
    void aCertificationMayBeRevokedToday() {
        fixture.given(certifiedHistory())
                .when(revoke(TODAY))
                .expectEvents(revoked(TODAY));
    }

    // refused: lifecycle

    @Test
    void aFullySignedButUncertifiedAgreementCannotHaveItsCertificationRevoked() {
        fixture.given(fullySignedHistory())
                .when(revoke(AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.SIGNED))
                .expectNoEvents();
    }

    @Test
    void aProposedAgreementCannotHaveItsCertificationRevoked() {
        fixture.given(proposed())
                .when(revoke(AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.PROPOSED))
                .expectNoEvents();
    }

    @Test
    void aRevokedCertificationCannotBeRevokedAgain() {
        fixture.given(revokedHistory())
                .when(revoke(TODAY))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.REVOKED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAgreementCannotHaveItsCertificationRevoked() {
        fixture.given(declinedHistory())
                .when(revoke(AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.DECLINED))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAgreementCannotHaveItsCertificationRevoked() {
        fixture.given(withdrawnHistory())
                .when(revoke(AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.WITHDRAWN))
                .expectNoEvents();
    }

    // refused: date

    @Test
    void aRevocationDatedBeforeTheCertificationIsRefused() {
        // after the last signature (26 August), but before the certification
        fixture.given(certifiedHistory())
                .when(revoke(CERTIFIED_ON.minusDays(1)))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("revokedOn"))
                .expectNoEvents();
    }

    @Test
    void aRevocationDatedInTheFutureIsRefused() {
        fixture.given(certifiedHistory())
                .when(revoke(TOMORROW))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("revokedOn"))
                .expectNoEvents();
    }

    @Test
    void aRevocationWithoutADateIsRefused() {
        fixture.given(certifiedHistory())
                .when(revoke(null))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("revokedOn"))
                .expectNoEvents();
    }
}
