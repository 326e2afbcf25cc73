package org.infointerview.interviews.interview;

import java.util.List;
import org.infointerview.interviews.outreach.Warning;

/** A request to edit before sending, and what a career counselor would say about it. */
record OutreachDraftResponse(String message, List<Warning> warnings) {}
