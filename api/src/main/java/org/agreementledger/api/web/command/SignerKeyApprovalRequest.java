package org.agreementledger.api.web.command;

import jakarta.validation.Valid;

/** An approval of a party's key by another approved key of the party's: its signature of the approval intent. */
record SignerKeyApprovalRequest(@Valid SignerKeySignatureRequest signature) {
}
