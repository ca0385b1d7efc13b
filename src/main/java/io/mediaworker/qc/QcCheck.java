package io.mediaworker.qc;

/** One check on one rendition ("*" for checks across the ladder): what was expected, what was measured. */
public record QcCheck(String rendition, String check, boolean passed, String expected, String actual) {

    public String describe() {
        return rendition + ": " + check + " expected " + expected + ", got " + actual;
    }
}
