/**
 * What students and the people they talk to are told about interviews, from interviews-service's
 * facts: today a student's mail when a person answers their request.
 */
@NullMarked
package org.infointerview.notifications.interview;

import org.jspecify.annotations.NullMarked;
