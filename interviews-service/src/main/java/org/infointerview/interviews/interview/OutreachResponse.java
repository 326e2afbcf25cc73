package org.infointerview.interviews.interview;

import java.util.List;
import org.infointerview.interviews.outreach.Warning;

/** The interview after reaching out, and the warnings about what was sent (never refusals). */
record OutreachResponse(InterviewResponse interview, List<Warning> warnings) {}
