/**
 * Reaching out to a person: the request's template and its checks (warnings, never refusals), and
 * the protection of volunteers (consent, pauses, and each person's monthly capacity counted across
 * all students). The interview feature calls these when a student asks.
 */
@NullMarked
package org.infointerview.interviews.outreach;

import org.jspecify.annotations.NullMarked;
