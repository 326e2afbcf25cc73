package org.infointerview.interviews.student;

/**
 * Said in this process when a student's studies (class year, major, program) changed or are no
 * longer known, after the store has them.
 */
public record StudiesChanged(String studentId) {}
