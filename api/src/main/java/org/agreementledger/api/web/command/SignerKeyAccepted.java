package org.agreementledger.api.web.command;

import org.agreementledger.ledger.signerkey.SignerKeyStatus;

/**
 * The answer to an accepted command on a party's key: the key, its party, the status it is in now,
 * the correlation id, and the global position of the command's event.
 */
record SignerKeyAccepted(String keyId, String partyId, SignerKeyStatus status, String correlationId,
                         long position) {
}
