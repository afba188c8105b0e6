package dev.arrears.application.escalation;

/**
 * Turns the documents into text with the accountants' templates (config/templates). Implemented in
 * platform; a template error is thrown as {@link IllegalStateException} naming the template.
 */
public interface DocumentRenderer {

    /** The demand letter, from demand-letter.txt. */
    String demandLetter(DemandLetter letter);

    /** The readable case file, from case-file.txt. */
    String caseFileText(CaseFile caseFile);

    /** The case file as JSON: the same facts, for an agency's or a lawyer's system. */
    String caseFileJson(CaseFile caseFile);

    /** A reminder's wording, from {@code <template>.txt}. */
    String reminder(String template, ReminderMessage message);
}
