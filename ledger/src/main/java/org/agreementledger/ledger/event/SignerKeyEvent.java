package org.agreementledger.ledger.event;

/**
 * Every event of a party's signer key (docs/signer-keys.md), stored in the ledger like an
 * agreement's: chained, attested and logged. Each type carries its revision ({@code @Revision}).
 */
public sealed interface SignerKeyEvent permits SignerKeyRegistered, SignerKeyApproved, SignerKeyRevoked {

    /** The aggregate type signer key events are stored under (the aggregate's class name). */
    String AGGREGATE_TYPE = "SignerKey";

    String keyId();

    String partyId();
}
