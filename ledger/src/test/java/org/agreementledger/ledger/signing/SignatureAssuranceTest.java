package org.agreementledger.ledger.signing;

import org.agreementledger.ledger.audit.AuditEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.agreementledger.ledger.chain.PositionedEvent;
import org.agreementledger.ledger.chain.StoredEvent;
import org.agreementledger.ledger.event.AgreementDeclined;
import org.agreementledger.ledger.event.AgreementSigned;
import org.agreementledger.ledger.event.AgreementWithdrawn;
import org.agreementledger.ledger.event.SignedAct;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignatureAssuranceTest {

    private static final UUID AGREEMENT = UUID.fromString("3f6d1c52-8a0e-4b8e-9c1e-2a7d5b0e4f11");
    private static final LocalDate DAY = LocalDate.of(2024, 8, 22);
    private static final SignerKeySignature BY_KEY = new SignerKeySignature("ed25519:AAAAAAAAAAAAAAAAAAAAAA",
            "aW50ZW50", "c2lnbmF0dXJl");

    @Test
    void anActSignedWithThePartysKeyIsSignerKeyLevelAndOneWithoutIsAccountLevel() {
        assertThat(SignedAct.assuranceOf(new AgreementSigned(AGREEMENT, "KZ-ALMATY-KBTU", DAY, BY_KEY)))
                .contains(SignatureAssurance.SIGNER_KEY);
        assertThat(SignedAct.assuranceOf(new AgreementSigned(AGREEMENT, "KZ-ALMATY-KBTU", DAY)))
                .contains(SignatureAssurance.ACCOUNT);
        assertThat(SignedAct.assuranceOf(new AgreementDeclined(AGREEMENT, "KZ-ALMATY-KBTU", DAY, "no", BY_KEY)))
                .contains(SignatureAssurance.SIGNER_KEY);
        assertThat(SignedAct.assuranceOf(new AgreementDeclined(AGREEMENT, "KZ-ALMATY-KBTU", DAY, "no")))
                .contains(SignatureAssurance.ACCOUNT);
    }

    @Test
    void anEventThatIsNoActAPartySignsHasNoLevel() {
        assertThat(SignedAct.assuranceOf(new AgreementWithdrawn(AGREEMENT, DAY, "no"))).isEmpty();
        assertThat(SignedAct.assuranceOf("not an event")).isEmpty();
    }

    @Test
    void levelsReadAndWriteByTheirNames() throws JsonProcessingException {
        assertThat(SignatureAssurance.named("signer-key")).isEqualTo(SignatureAssurance.SIGNER_KEY);
        assertThat(SignatureAssurance.named("account")).isEqualTo(SignatureAssurance.ACCOUNT);
        assertThat(new ObjectMapper().writeValueAsString(SignatureAssurance.SIGNER_KEY)).isEqualTo("\"signer-key\"");
        assertThat(new ObjectMapper().readValue("\"account\"", SignatureAssurance.class))
                .isEqualTo(SignatureAssurance.ACCOUNT);
        assertThatThrownBy(() -> SignatureAssurance.named("SIGNER_KEY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signer-key", "account");
    }

    @Test
    void theAuditTrailReadsTheLevelFromTheStoredPayload() {
        assertThat(auditEventOf(AgreementSigned.class, "{\"agreementId\":\"" + AGREEMENT
                + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signature\":{\"intent\":\"aW50ZW50\",\"keyId\":\"k\","
                + "\"value\":\"c2ln\"},\"signedOn\":\"2024-08-22\"}").assurance()).isEqualTo(SignatureAssurance.SIGNER_KEY);
        assertThat(auditEventOf(AgreementSigned.class, "{\"agreementId\":\"" + AGREEMENT
                + "\",\"partyId\":\"KZ-ALMATY-KBTU\",\"signedOn\":\"2024-08-22\"}").assurance())
                .isEqualTo(SignatureAssurance.ACCOUNT);
        assertThat(auditEventOf(AgreementWithdrawn.class, "{\"agreementId\":\"" + AGREEMENT
                + "\",\"withdrawnOn\":\"2024-08-22\"}").assurance()).isNull();
    }

    private static AuditEvent auditEventOf(Class<?> payloadType, String payload) {
        return AuditEvent.of(new PositionedEvent(1, new StoredEvent("event-1", AGREEMENT.toString(), 0, "Agreement",
                payloadType.getName(), null, payload.getBytes(StandardCharsets.UTF_8), null)));
    }
}
