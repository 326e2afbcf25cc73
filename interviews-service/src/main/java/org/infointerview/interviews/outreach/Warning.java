package org.infointerview.interviews.outreach;

/**
 * Something a student may want to change in what they wrote, with a suggestion; never a refusal.
 *
 * @param code a stable name: TOO_LONG, ATTACHMENT, JOB_ASK, NO_SOURCE
 */
public record Warning(String code, String message, String suggestion) {}
