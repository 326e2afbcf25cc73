/**
 * The request a student sends through the platform, as mail to the person asked: the student's
 * words, the times offered in the person's zone, the answer link, and how to stop such requests.
 */
@NullMarked
package org.infointerview.notifications.outreach;

import org.jspecify.annotations.NullMarked;
