package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.CertifyAgreement;
import org.agreementledger.ledger.command.RevokeCertification;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.BusinessDateOutOfRangeException;
import org.agreementledger.ledger.domain.InvalidAgreementException;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.agreementledger.ledger.signing.SignerKeySignature;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.agreementledger.ledger.agreement.AgreementTestData.AGREEMENT_ID;
import static org.agreementledger.ledger.agreement.AgreementTestData.CERTIFICATE_NO;
import static org.agreementledger.ledger.agreement.AgreementTestData.TODAY;
import static org.agreementledger.ledger.agreement.AgreementTestData.TOMORROW;
import static org.agreementledger.ledger.agreement.AgreementTestData.URUMQI_ENTERPRISE;
import static org.agreementledger.ledger.agreement.AgreementTestData.certified;
import static org.agreementledger.ledger.agreement.AgreementTestData.certifiedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.declinedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.fullySignedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.onField;
import static org.agreementledger.ledger.agreement.AgreementTestData.proposed;
import static org.agreementledger.ledger.agreement.AgreementTestData.revokedHistory;
import static org.agreementledger.ledger.agreement.AgreementTestData.signed;
import static org.agreementledger.ledger.agreement.AgreementTestData.whileIn;
import static org.agreementledger.ledger.agreement.AgreementTestData.withdrawnHistory;

/** The {@link AgreementTestData#fullySignedHistory() fully signed history} ends with a signature on 26 August. */
class CertifyAgreementTest {

    private static final LocalDate LAST_SIGNATURE = LocalDate.of(2024, 8, 26);
    private static final LocalDate AUG_28 = LocalDate.of(2024, 8, 28);
    private static final LocalDate AUG_30 = LocalDate.of(2024, 8, 30);

    private AggregateTestFixture<Agreement> fixture;

    @BeforeEach
    void setUp() {
        fixture = AgreementTestData.fixture();
    }

    private static CertifyAgreement certify(LocalDate certifiedOn) {
        return new CertifyAgreement(AGREEMENT_ID, CERTIFICATE_NO, certifiedOn);
    }

    // accepted

    @Test
    void certifyingAFullySignedAgreementIsRecordedAsAgreementCertified() {
        fixture.given(fullySignedHistory())
                .when(certify(AUG_28))
                .expectSuccessfulHandlerExecution()
                .expectEvents(certified(AUG_28));
    }

    @Test
    void certifyingAnswersCertified() {
        fixture.given(fullySignedHistory())
                .when(certify(AUG_28))
                .expectResultMessagePayload(AgreementStatus.CERTIFIED);
    }

    @Test
    void theCertificateNumberIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(fullySignedHistory())
                .when(new CertifyAgreement(AGREEMENT_ID, "  " + CERTIFICATE_NO + "\t", AUG_28))
                .expectEvents(certified(AUG_28));
    }

    @Test
    void aCertificationAndItsRevocationKeepTheAuthoritysSignatureAsReceived() {
        SignerKeySignature certifying = new SignerKeySignature("ed25519:authority", "aW50ZW50", "c2ln");
        fixture.given(fullySignedHistory())
                .when(new CertifyAgreement(AGREEMENT_ID, CERTIFICATE_NO, AUG_28, certifying))
                .expectEvents(new AgreementCertified(AGREEMENT_ID, CERTIFICATE_NO, AUG_28, certifying));
        SignerKeySignature revoking = new SignerKeySignature("ed25519:authority", "cmV2b2tl", "c2ln");
        fixture.given(certifiedHistory())
                .when(new RevokeCertification(AGREEMENT_ID, TODAY, "withdrawn funding", revoking))
                .expectEvents(new CertificationRevoked(AGREEMENT_ID, CERTIFICATE_NO, TODAY, "withdrawn funding",
                        revoking));
    }

    @Test
    void anAgreementMayBeCertifiedOnTheDayOfItsLastSignature() {
        fixture.given(fullySignedHistory())
                .when(certify(LAST_SIGNATURE))
                .expectEvents(certified(LAST_SIGNATURE));
    }

    @Test
    void anAgreementMayBeCertifiedToday() {
        fixture.given(fullySignedHistory())
                .when(certify(TODAY))
                .expectEvents(certified(TODAY));
    }

    // refused: lifecycle

    @Test
    void aProposedAgreementNobodySignedCannotBeCertified() {
        fixture.given(proposed())
                .when(certify(AUG_28))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.PROPOSED))
                .expectNoEvents();
    }

    @Test
    void aPartlySignedAgreementCannotBeCertified() {
        fixture.given(proposed(), signed(URUMQI_ENTERPRISE, LocalDate.of(2024, 8, 23)))
                .when(certify(AUG_28))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.PROPOSED))
                .expectNoEvents();
    }

    @Test
    void aCertifiedAgreementCannotBeCertifiedAgain() {
        fixture.given(certifiedHistory())
                .when(certify(AUG_30))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.CERTIFIED))
                .expectNoEvents();
    }

    @Test
    void anAgreementWhoseCertificationWasRevokedCannotBeCertifiedAgain() {
        fixture.given(revokedHistory())
                .when(certify(TODAY))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.REVOKED))
                .expectNoEvents();
    }

    @Test
    void aDeclinedAgreementCannotBeCertified() {
        fixture.given(declinedHistory())
                .when(certify(AUG_28))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.DECLINED))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAgreementCannotBeCertified() {
        fixture.given(withdrawnHistory())
                .when(certify(AUG_28))
                .expectException(LifecycleViolationException.class)
                .expectException(whileIn(AgreementStatus.WITHDRAWN))
                .expectNoEvents();
    }

    // refused: certificate number and date

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void aCertificationWithoutACertificateNumberIsRefused(String certificateNo) {
        fixture.given(fullySignedHistory())
                .when(new CertifyAgreement(AGREEMENT_ID, certificateNo, AUG_28))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("certificateNo"))
                .expectNoEvents();
    }

    @Test
    void aCertificationDatedBeforeTheLastSignatureIsRefused() {
        // after the proposal and after the first signature, but before the last one
        fixture.given(fullySignedHistory())
                .when(certify(LAST_SIGNATURE.minusDays(1)))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("certifiedOn"))
                .expectNoEvents();
    }

    @Test
    void aCertificationDatedInTheFutureIsRefused() {
        fixture.given(fullySignedHistory())
                .when(certify(TOMORROW))
                .expectException(BusinessDateOutOfRangeException.class)
                .expectException(onField("certifiedOn"))
                .expectNoEvents();
    }

    @Test
    void aCertificationWithoutADateIsRefused() {
        fixture.given(fullySignedHistory())
                .when(certify(null))
                .expectException(InvalidAgreementException.class)
                .expectException(onField("certifiedOn"))
                .expectNoEvents();
    }
}
