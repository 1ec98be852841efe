package org.agreementledger.ledger.agreement;

import org.agreementledger.ledger.command.ProposeAgreement;
import org.agreementledger.ledger.domain.AgreementStatus;
import org.agreementledger.ledger.domain.CooperationKind;
import org.agreementledger.ledger.domain.LedgerCalendar;
import org.agreementledger.ledger.domain.LedgerRuleViolation;
import org.agreementledger.ledger.domain.LifecycleViolationException;
import org.agreementledger.ledger.domain.Money;
import org.agreementledger.ledger.domain.OrganisationType;
import org.agreementledger.ledger.domain.Party;
import org.agreementledger.ledger.domain.SectorCatalogue;
import org.agreementledger.ledger.event.AgreementCertified;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementFullySigned;
import org.agreementledger.ledger.event.AgreementProposed;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.CertificationRevoked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Shared test data for the Agreement aggregate: a fixture on a fixed clock, a sample proposal
 * (built after the 2024 Urumqi conference) and the events of the usual histories.
 *
 * <p>The fixed clock is 2024-09-01T04:00Z, which is noon on {@link #TODAY} in Asia/Shanghai.
 */
final class AgreementTestData {

    static final UUID AGREEMENT_ID = UUID.fromString("3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11");
    static final String REGISTRAR = "registrar.urumqi-secretariat";
    static final LocalDate PROPOSED_ON = LocalDate.of(2024, 8, 22);
    static final LocalDate TODAY = LocalDate.of(2024, 9, 1);
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    static final Party URUMQI_ENTERPRISE = new Party("CN-URUMQI-0001", "Urumqi Equipment Manufacturing Co.",
            OrganisationType.ENTERPRISE, "Urumqi", "CN");
    static final Party KBTU = new Party("KZ-ALMATY-KBTU", "Kazakh-British Technical University",
            OrganisationType.UNIVERSITY, "Almaty", "KZ");
    static final Party WUHAN_INSTITUTE = new Party("CN-WUHAN-0042", "Wuhan New Materials Research Institute",
            OrganisationType.RESEARCH_INSTITUTE, "Wuhan", "CN");

    static final String CERTIFICATE_NO = "XJ-2024-0071";

    private AgreementTestData() {
    }

    /** A fresh fixture with the ledger's calendar fixed on {@link #TODAY} and the default sectors. */
    static AggregateTestFixture<Agreement> fixture() {
        AggregateTestFixture<Agreement> fixture = new AggregateTestFixture<>(Agreement.class);
        fixture.registerInjectableResource(new LedgerCalendar(
                Clock.fixed(Instant.parse("2024-09-01T04:00:00Z"), LedgerCalendar.LEDGER_ZONE)));
        fixture.registerInjectableResource(SectorCatalogue.DEFAULT);
        return fixture;
    }

    /** A valid two-party proposal between {@link #URUMQI_ENTERPRISE} and {@link #KBTU}. */
    static Proposal aProposal() {
        return new Proposal();
    }

    /** The event of the default {@link #aProposal() proposal}. */
    static AgreementProposed proposed() {
        return aProposal().event();
    }

    /** The default proposal with a third party, {@link #WUHAN_INSTITUTE}. */
    static AgreementProposed proposedWithThreeParties() {
        return aProposal().parties(URUMQI_ENTERPRISE, KBTU, WUHAN_INSTITUTE).event();
    }

    static AgreementSigned signed(Party party, LocalDate signedOn) {
        return new AgreementSigned(AGREEMENT_ID, party.partyId(), signedOn);
    }

    static AgreementFullySigned fullySigned(LocalDate lastSignature) {
        return new AgreementFullySigned(AGREEMENT_ID, lastSignature);
    }

    static AgreementDeclined declined(Party party, LocalDate declinedOn) {
        return new AgreementDeclined(AGREEMENT_ID, party.partyId(), declinedOn, null);
    }

    static AgreementWithdrawn withdrawn(LocalDate withdrawnOn) {
        return new AgreementWithdrawn(AGREEMENT_ID, withdrawnOn, null);
    }

    static AgreementCertified certified(LocalDate certifiedOn) {
        return new AgreementCertified(AGREEMENT_ID, CERTIFICATE_NO, certifiedOn);
    }

    static CertificationRevoked revoked(LocalDate revokedOn) {
        return new CertificationRevoked(AGREEMENT_ID, CERTIFICATE_NO, revokedOn, null);
    }

    /** Proposed on 22 August, signed by the enterprise on 23 and by KBTU on 26 August. */
    static List<Object> fullySignedHistory() {
        return List.of(proposed(),
                signed(URUMQI_ENTERPRISE, LocalDate.of(2024, 8, 23)),
                signed(KBTU, LocalDate.of(2024, 8, 26)),
                fullySigned(LocalDate.of(2024, 8, 26)));
    }

    /** The {@link #fullySignedHistory()} certified on 28 August. */
    static List<Object> certifiedHistory() {
        return append(fullySignedHistory(), certified(LocalDate.of(2024, 8, 28)));
    }

    /** The {@link #certifiedHistory()} with the certification revoked on 30 August. */
    static List<Object> revokedHistory() {
        return append(certifiedHistory(), revoked(LocalDate.of(2024, 8, 30)));
    }

    static List<Object> declinedHistory() {
        return List.of(proposed(), declined(KBTU, LocalDate.of(2024, 8, 24)));
    }

    static List<Object> withdrawnHistory() {
        return List.of(proposed(), withdrawn(LocalDate.of(2024, 8, 24)));
    }

    static List<Object> append(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(events));
        return all;
    }

    /** A rule violation that names the offending input field ({@code null}: a refusal about state). */
    static Matcher<Throwable> onField(String field) {
        return new CustomTypeSafeMatcher<>("a ledger rule violation on field " + field) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof LedgerRuleViolation violation && Objects.equals(field, violation.field());
            }
        };
    }

    /** A lifecycle violation that reports the status the agreement was in. */
    static Matcher<Throwable> whileIn(AgreementStatus status) {
        return new CustomTypeSafeMatcher<>("a lifecycle violation while the agreement is " + status) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof LifecycleViolationException violation && violation.status() == status;
            }
        };
    }

    /** A proposal command and the event it is expected to produce; each setter changes one field. */
    static final class Proposal {

        private UUID agreementId = AGREEMENT_ID;
        private String title = "Joint development of high-voltage transmission equipment";
        private CooperationKind kind = CooperationKind.INDUSTRY;
        private String sector = "EQUIPMENT_MANUFACTURING";
        private List<Party> parties = List.of(URUMQI_ENTERPRISE, KBTU);
        private Money value = Money.of("12500000.00", "CNY");
        private String occasion = "Belt and Road inter-regional cooperation and innovation conference, Urumqi 2024";
        private LocalDate proposedOn = PROPOSED_ON;
        private String proposedBy = REGISTRAR;

        private Proposal() {
        }

        Proposal agreementId(UUID agreementId) {
            this.agreementId = agreementId;
            return this;
        }

        Proposal title(String title) {
            this.title = title;
            return this;
        }

        Proposal kind(CooperationKind kind) {
            this.kind = kind;
            return this;
        }

        Proposal sector(String sector) {
            this.sector = sector;
            return this;
        }

        Proposal parties(Party... parties) {
            this.parties = List.of(parties);
            return this;
        }

        Proposal parties(List<Party> parties) {
            this.parties = parties;
            return this;
        }

        Proposal value(Money value) {
            this.value = value;
            return this;
        }

        Proposal occasion(String occasion) {
            this.occasion = occasion;
            return this;
        }

        Proposal proposedOn(LocalDate proposedOn) {
            this.proposedOn = proposedOn;
            return this;
        }

        Proposal proposedBy(String proposedBy) {
            this.proposedBy = proposedBy;
            return this;
        }

        ProposeAgreement command() {
            return new ProposeAgreement(agreementId, title, kind, sector, parties, value, occasion, proposedOn,
                    proposedBy);
        }

        /** The event as the aggregate records it: title and occasion stripped, a blank occasion as none. */
        AgreementProposed event() {
            String recordedOccasion = occasion == null || occasion.isBlank() ? null : occasion.strip();
            return new AgreementProposed(agreementId, title.strip(), kind, sector, List.copyOf(parties), value,
                    recordedOccasion, proposedOn, proposedBy);
        }
    }
}
