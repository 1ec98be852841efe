package org.agreementledger.ledger.audit;

import org.agreementledger.ledger.chain.EventHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The ledger digest: one hash over the heads of every agreement's hash chain as of a global
 * position. Each head's hash vouches for its whole chain, so the digest vouches for every event
 * up to that position; recorded and published, it shows any later rewrite of any chain, even one
 * whose hashes were all recomputed.
 *
 * <p>Definition: take every chain's head (the agreement's event with the highest sequence number
 * at or before the position); sort the heads by agreement id, comparing the ids code point by code
 * point (the byte order of their UTF-8, PostgreSQL's {@code COLLATE "C"}; agreement ids are
 * lowercase UUIDs, for which it is plain character order); write each head as the line {@code <agreementId> <sequenceNumber> <hash>}
 * ended by {@code \n}; the digest is the lowercase hex SHA-256 of the UTF-8 bytes of all lines.
 * With no chains it is the SHA-256 of the empty text.
 */
public final class LedgerDigest {

    /**
     * Agreement ids in code point order, the byte order of their UTF-8: what an index in
     * {@code COLLATE "C"} gives. Java's own string order differs from it for characters beyond
     * U+FFFF, which only a tampered ledger holds in an id, and which must then be reported, not
     * taken for ids out of order.
     */
    public static final Comparator<String> AGREEMENT_ID_ORDER = LedgerDigest::compareByCodePoint;

    private static final Comparator<ChainHead> BY_AGREEMENT_ID = Comparator.comparing(ChainHead::agreementId,
            AGREEMENT_ID_ORDER);

    private LedgerDigest() {
    }

    /** The digest, hashed line by line: a million chains never make one text in memory. */
    public static String of(Collection<ChainHead> heads) {
        Running digest = new Running();
        sorted(heads).forEach(digest::add);
        return digest.digest();
    }

    /**
     * The digest of heads given one at a time in the digest's order, as an index in agreement id
     * byte order gives them: no head is kept.
     */
    public static final class Running {

        private final MessageDigest sha256 = EventHasher.sha256Digest();
        private String lastAgreement;
        private int chainCount;

        /** Adds the next head; one out of agreement id order is refused rather than digested wrongly. */
        public void add(ChainHead head) {
            if (lastAgreement != null && AGREEMENT_ID_ORDER.compare(head.agreementId(), lastAgreement) <= 0) {
                throw new IllegalStateException("the chain heads came out of agreement id order: "
                        + head.agreementId() + " after " + lastAgreement);
            }
            sha256.update(line(head));
            lastAgreement = head.agreementId();
            chainCount++;
        }

        public int chainCount() {
            return chainCount;
        }

        /** The digest of the heads added; once. */
        public String digest() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    /** The exact text the digest is taken over. */
    public static String canonicalText(Collection<ChainHead> heads) {
        return sorted(heads).stream().map(LedgerDigest::text).collect(Collectors.joining());
    }

    private static byte[] line(ChainHead head) {
        return text(head).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ChainHead head) {
        return head.agreementId() + ' ' + head.sequenceNumber() + ' ' + Objects.toString(head.hash(), "") + '\n';
    }

    private static int compareByCodePoint(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int inA = a.codePointAt(i);
            int inB = b.codePointAt(j);
            if (inA != inB) {
                return Integer.compare(inA, inB);
            }
            i += Character.charCount(inA);
            j += Character.charCount(inB);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The heads in the order the digest takes them. */
    public static List<ChainHead> sorted(Collection<ChainHead> heads) {
        return heads.stream().sorted(BY_AGREEMENT_ID).toList();
    }
}
