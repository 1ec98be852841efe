package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventHasher;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ledger digest: one hash over the heads of every agreement's hash chain as of a global
 * position. Each head's hash vouches for its whole chain, so the digest vouches for every event
 * up to that position; recorded and published, it shows any later rewrite of any chain, even one
 * whose hashes were all recomputed.
 *
 * <p>Definition: take every chain's head (the agreement's event with the highest sequence number
 * at or before the position); sort the heads by agreement id, comparing the ids character by
 * character (agreement ids are lowercase UUIDs, so this is plain byte order, PostgreSQL's
 * {@code COLLATE "C"}); write each head as the line {@code <agreementId> <sequenceNumber> <hash>}
 * ended by {@code \n}; the digest is the lowercase hex SHA-256 of the UTF-8 bytes of all lines.
 * With no chains it is the SHA-256 of the empty text.
 */
public final class LedgerDigest {

    private static final Comparator<ChainHead> BY_AGREEMENT_ID = Comparator.comparing(ChainHead::agreementId);

    private LedgerDigest() {
    }

    public static String of(Collection<ChainHead> heads) {
        return EventHasher.sha256(canonicalText(heads));
    }

    /** The exact text the digest is taken over. */
    public static String canonicalText(Collection<ChainHead> heads) {
        StringBuilder text = new StringBuilder();
        sorted(heads).forEach(head -> text.append(head.agreementId()).append(' ')
                .append(head.sequenceNumber()).append(' ')
                .append(Objects.toString(head.hash(), "")).append('\n'));
        return text.toString();
    }

    /** The heads in the order the digest takes them. */
    public static List<ChainHead> sorted(Collection<ChainHead> heads) {
        return heads.stream().sorted(BY_AGREEMENT_ID).toList();
    }
}
