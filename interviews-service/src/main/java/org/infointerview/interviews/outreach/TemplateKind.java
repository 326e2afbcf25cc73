package org.infointerview.interviews.outreach;

/** What a template is for. */
public enum TemplateKind {
  /** The first request for a conversation (step 4). */
  OUTREACH,
  /** The thank-you after it (step 6). */
  THANK_YOU
}
