package org.agreementledger.api.web.command;

/**
 * What text fields may hold. Control characters have no place in names, codes or titles, and
 * PostgreSQL cannot store a NUL character in text or jsonb at all: refusing them here keeps bad
 * input a 422 instead of a database error.
 */
final class TextRules {

    static final String SINGLE_LINE = "[^\\p{Cntrl}]*";
    static final String MULTI_LINE = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    static final String SINGLE_LINE_MESSAGE = "must not contain control characters";
    static final String MULTI_LINE_MESSAGE = "must not contain control characters other than line breaks and tabs";

    private TextRules() {
    }
}
