package org.infointerview.interviews.interview;

import java.util.List;
import org.infointerview.interviews.outreach.Warning;

/**
 * The interview with its preparation, and what a career counselor would say: about the pitch, and
 * about each question by its place in the list (warnings, never refusals).
 */
record PreparationResponse(
    InterviewResponse interview, List<Warning> pitch, List<QuestionWarnings> questions) {

  record QuestionWarnings(int index, String question, List<Warning> warnings) {}
}
