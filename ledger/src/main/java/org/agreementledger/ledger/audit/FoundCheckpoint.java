package org.agreementledger.ledger.audit;

/**
 * A signed checkpoint of the log as found, in the database or as a copy outside it.
 *
 * @param source where it was found, for people: the table, or the copy's file
 * @param note   the C2SP signed note
 */
public record FoundCheckpoint(String source, String note) {
}
